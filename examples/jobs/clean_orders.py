"""Step `clean` of the orders pipeline: raw JSON orders to the curated zone's Iceberg table `orders`.

The kit passes the zones' roots as --source_path and --target_path and, in a Lakehouse, the zones'
Glue databases as --source_database and --target_database with a Spark catalog `glue_catalog`
(Apache Iceberg through the Glue Data Catalog, governed by Lake Formation). The step that writes a
zone creates its tables: the first run creates `orders`, later runs merge new orders into it. Job
bookmarks make each run read only the raw files earlier runs have not.
"""
import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(sys.argv, ["JOB_NAME", "source_path", "target_path", "target_database"])
glue = GlueContext(SparkContext.getOrCreate())
spark = glue.spark_session
job = Job(glue)
job.init(args["JOB_NAME"], args)

table = f"glue_catalog.{args['target_database']}.orders"
spark.sql(
    f"""
    CREATE TABLE IF NOT EXISTS {table} (
      order_id STRING, customer_id STRING, country STRING, amount DECIMAL(12, 2),
      ordered_at TIMESTAMP, order_date DATE
    )
    USING iceberg
    PARTITIONED BY (order_date)
    LOCATION '{args["target_path"]}orders/'
    """
)

orders = glue.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": [args["source_path"] + "orders/"], "recurse": True},
    format="json",
    transformation_ctx="raw_orders",
).toDF()
(
    orders.select(
        F.col("order_id").cast("string"),
        F.col("customer_id").cast("string"),
        F.col("country").cast("string"),
        F.col("amount").cast("decimal(12,2)"),
        F.col("ordered_at").cast("timestamp"),
    )
    .dropDuplicates(["order_id"])
    .withColumn("order_date", F.to_date("ordered_at"))
    .createOrReplaceTempView("incoming_orders")
)
spark.sql(
    f"""
    MERGE INTO {table} t USING incoming_orders s ON t.order_id = s.order_id
    WHEN NOT MATCHED THEN INSERT *
    """
)
job.commit()
