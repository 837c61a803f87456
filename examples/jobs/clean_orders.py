"""Step `clean` of the orders pipeline: raw JSON orders to de-duplicated Parquet in the curated zone.

The kit passes the zones' roots as --source_path and --target_path; job bookmarks make each run
read only the files earlier runs have not.
"""
import sys

from awsglue.context import GlueContext
from awsglue.job import Job
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F

args = getResolvedOptions(sys.argv, ["JOB_NAME", "source_path", "target_path"])
glue = GlueContext(SparkContext.getOrCreate())
job = Job(glue)
job.init(args["JOB_NAME"], args)

orders = glue.create_dynamic_frame.from_options(
    connection_type="s3",
    connection_options={"paths": [args["source_path"] + "orders/"], "recurse": True},
    format="json",
    transformation_ctx="raw_orders",
).toDF()
(
    orders.dropDuplicates(["order_id"])
    .withColumn("order_date", F.to_date("ordered_at"))
    .write.mode("append")
    .partitionBy("order_date")
    .parquet(args["target_path"] + "orders/")
)
job.commit()
