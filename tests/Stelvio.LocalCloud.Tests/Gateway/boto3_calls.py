"""Calls the local cloud's gateway with boto3, signed with the functions' credentials; prints one JSON line per call."""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, region = sys.argv[1], sys.argv[2]
keys = json.loads(sys.argv[3])
config = Config(retries={"max_attempts": 1}, region_name=region)
session = boto3.session.Session()  # one session: the service models load once


def client(service, function, secret=None):
    c = keys[function]
    return session.client(service, endpoint_url=endpoint, config=config, aws_access_key_id=c["AccessKeyId"],
                        aws_secret_access_key=secret or c["SecretAccessKey"], aws_session_token=c["SessionToken"])


def call(name, fn):
    try:
        result = fn()
        print(json.dumps({"case": name, "ok": True, "result": result}, default=str))
        return result
    except ClientError as error:
        print(json.dumps({"case": name, "ok": False, "code": error.response["Error"]["Code"],
                          "message": error.response["Error"]["Message"],
                          "status": error.response["ResponseMetadata"]["HTTPStatusCode"]}))
        return None


writer_db = client("dynamodb", "writer")
reader_streams = client("dynamodbstreams", "reader")
writer_streams = client("dynamodbstreams", "writer")
reader_lambda = client("lambda", "reader")
writer_lambda = client("lambda", "writer")

call("writer put orders", lambda: writer_db.put_item(TableName="orders", Item={"pk": {"S": "boto3-1"}})["ResponseMetadata"]["HTTPStatusCode"])
call("writer put secret", lambda: writer_db.put_item(TableName="secret", Item={"pk": {"S": "boto3-1"}}))
call("writer wrong secret", lambda: client("dynamodb", "writer", secret="wrong").get_item(TableName="orders", Key={"pk": {"S": "boto3-1"}}))

streams = call("reader list streams", lambda: [s["StreamArn"] for s in reader_streams.list_streams(TableName="orders")["Streams"]])
stream = streams[0]
shard = call("reader describe stream", lambda: reader_streams.describe_stream(StreamArn=stream)["StreamDescription"]["Shards"][0]["ShardId"])
iterator = call("reader shard iterator", lambda: reader_streams.get_shard_iterator(StreamArn=stream, ShardId=shard, ShardIteratorType="TRIM_HORIZON")["ShardIterator"])
call("reader get records", lambda: [r["dynamodb"]["Keys"]["pk"]["S"] for r in reader_streams.get_records(ShardIterator=iterator)["Records"]])
call("writer describe stream", lambda: writer_streams.describe_stream(StreamArn=stream))
call("writer get records", lambda: writer_streams.get_records(ShardIterator=iterator))

call("reader invokes writer", lambda: json.loads(reader_lambda.invoke(FunctionName="writer", Payload=b'{"n":1}')["Payload"].read()))
call("reader invokes writer by ARN", lambda: json.loads(reader_lambda.invoke(FunctionName=keys["writerArn"], Payload=b'{"n":2}')["Payload"].read()))
call("writer invokes reader", lambda: writer_lambda.invoke(FunctionName="reader", Payload=b"{}"))
