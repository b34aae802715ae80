"""Drives the engine with boto3 (an independent client reading responses through AWS's own service models).

Usage: python3 boto3_client.py ENDPOINT. Prints "ok" when every check holds; any failure raises.
"""
import sys

import boto3
from botocore.exceptions import ClientError

endpoint = sys.argv[1]
session = boto3.session.Session(aws_access_key_id="test", aws_secret_access_key="test", region_name="us-east-1")
dynamodb = session.client("dynamodb", endpoint_url=endpoint)
streams = session.client("dynamodbstreams", endpoint_url=endpoint)

created = dynamodb.create_table(
    TableName="boto-orders",
    AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "S"}],
    KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
    BillingMode="PAY_PER_REQUEST",
    StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
)
stream_arn = created["TableDescription"]["LatestStreamArn"]
dynamodb.get_waiter("table_exists").wait(TableName="boto-orders", WaiterConfig={"Delay": 1})

dynamodb.put_item(TableName="boto-orders", Item={"pk": {"S": "c1"}, "sk": {"S": "2026-01-01"}, "status": {"S": "NEW"}})
dynamodb.put_item(TableName="boto-orders", Item={"pk": {"S": "c1"}, "sk": {"S": "2026-01-01"}, "status": {"S": "NEW"}})
dynamodb.put_item(TableName="boto-orders", Item={"pk": {"S": "c1"}, "sk": {"S": "2026-01-01"}, "status": {"S": "PAID"}})
item = dynamodb.get_item(TableName="boto-orders", Key={"pk": {"S": "c1"}, "sk": {"S": "2026-01-01"}})["Item"]
assert item["status"] == {"S": "PAID"}, item
dynamodb.put_item(TableName="boto-orders", Item={"pk": {"S": "c1"}, "sk": {"S": "2026-02-01"}, "status": {"S": "NEW"}})
queried = dynamodb.query(
    TableName="boto-orders",
    KeyConditionExpression="pk = :c AND begins_with(sk, :month)",
    ExpressionAttributeValues={":c": {"S": "c1"}, ":month": {"S": "2026-01"}},
)
assert [i["sk"]["S"] for i in queried["Items"]] == ["2026-01-01"] and queried["Count"] == 1, queried
dynamodb.delete_item(TableName="boto-orders", Key={"pk": {"S": "c1"}, "sk": {"S": "2026-01-01"}})

listed = streams.list_streams(TableName="boto-orders")["Streams"]
assert [s["StreamArn"] for s in listed] == [stream_arn], listed
description = streams.describe_stream(StreamArn=stream_arn)["StreamDescription"]
assert description["StreamStatus"] == "ENABLED", description
assert description["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}]
shard = description["Shards"][0]
assert shard["SequenceNumberRange"]["StartingSequenceNumber"].isdecimal(), shard

iterator = streams.get_shard_iterator(StreamArn=stream_arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
result = streams.get_records(ShardIterator=iterator)
records = result["Records"]
assert [r["eventName"] for r in records] == ["INSERT", "MODIFY", "INSERT", "REMOVE"], records
modify = records[1]["dynamodb"]
assert modify["OldImage"]["status"] == {"S": "NEW"} and modify["NewImage"]["status"] == {"S": "PAID"}, modify
assert "NewImage" not in records[3]["dynamodb"], records[3]
assert all(r["eventVersion"] == "1.1" and r["awsRegion"] == "us-east-1" for r in records), records
sequences = [int(r["dynamodb"]["SequenceNumber"]) for r in records]
assert sequences == sorted(sequences) and len(set(sequences)) == 4, sequences
assert records[0]["dynamodb"]["ApproximateCreationDateTime"].year >= 2024, records[0]
assert result["NextShardIterator"], result

try:
    streams.get_records(ShardIterator=iterator, Limit=1001)
    raise AssertionError("Limit 1001 was accepted")
except ClientError as error:
    assert error.response["Error"]["Code"] == "ValidationException", error.response
    assert "less than or equal to 1000" in error.response["Error"]["Message"], error.response

print("ok")
