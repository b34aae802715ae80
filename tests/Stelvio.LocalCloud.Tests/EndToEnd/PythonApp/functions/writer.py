import boto3
from botocore.exceptions import ClientError

from stlv_resources_writer import Resources

dynamodb = boto3.client("dynamodb")


def handler(event, context):
    """Writes an item to the linked table, then to the table named in the event (not linked): the second is denied."""
    item = {"id": {"S": event["id"]}}
    dynamodb.put_item(TableName=Resources.allowed.table_name, Item=item)
    try:
        dynamodb.put_item(TableName=event["table"], Item=item)
        return {"linked": "written", "other": "written"}
    except ClientError as error:
        return {"linked": "written", "other": error.response["Error"]["Code"], "message": error.response["Error"]["Message"]}
