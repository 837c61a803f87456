"""Step `publish` of the orders pipeline: daily revenue per country from the curated orders.

Reads the curated zone's Iceberg table `orders` and writes the serving zone's Iceberg table
`daily_revenue` through the Glue Data Catalog (`glue_catalog`, databases from --source_database and
--target_database): the first run creates it, later runs replace the days they recompute. Analysts
query `daily_revenue` with Athena or Redshift Serverless.
"""
import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(
    sys.argv, ["JOB_NAME", "target_path", "source_database", "target_database"]
)
glue = GlueContext(SparkContext.getOrCreate())
spark = glue.spark_session
job = Job(glue)
job.init(args["JOB_NAME"], args)

table = f"glue_catalog.{args['target_database']}.daily_revenue"
spark.sql(
    f"""
    CREATE TABLE IF NOT EXISTS {table} (
      order_date DATE, country STRING, revenue DECIMAL(22, 2), orders BIGINT
    )
    USING iceberg
    PARTITIONED BY (order_date)
    LOCATION '{args["target_path"]}daily_revenue/'
    """
)

(
    spark.table(f"glue_catalog.{args['source_database']}.orders")
    .groupBy("order_date", "country")
    .agg(F.sum("amount").alias("revenue"), F.count("*").alias("orders"))
    .writeTo(table)
    .overwritePartitions()
)
job.commit()
