import os

import boto3


def handler(event, context):
    """Greets; fails when asked to; with 'write', writes to that table, which it is not linked to (denied)."""
    if event.get("fail"):
        raise RuntimeError("greeter was asked to fail")
    if "write" in event:
        boto3.client("dynamodb").put_item(TableName=event["write"], Item={"id": {"S": "from-greeter"}})
    print(f"greeting {event.get('name', 'world')}")
    return {"hello": event.get("name", "world"), "pid": os.getpid()}
