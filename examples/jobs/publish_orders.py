"""Step `publish` of the orders pipeline: daily revenue per country from the curated orders.

Writes the serving zone's `daily_revenue/` table, replacing the days it recomputes.
"""
import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(sys.argv, ["JOB_NAME", "source_path", "target_path"])
glue = GlueContext(SparkContext.getOrCreate())
spark = glue.spark_session
spark.conf.set("spark.sql.sources.partitionOverwriteMode", "dynamic")
job = Job(glue)
job.init(args["JOB_NAME"], args)

(
    spark.read.parquet(args["source_path"] + "orders/")
    .groupBy("order_date", "country")
    .agg(F.sum("amount").alias("revenue"), F.count("*").alias("orders"))
    .write.mode("overwrite")
    .partitionBy("order_date")
    .parquet(args["target_path"] + "daily_revenue/")
)
job.commit()
