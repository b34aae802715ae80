"""The handlers of the orders table's functions (Python 3.12)."""
import json

import boto3

# Written by synth beside this file: one module per function, holding exactly that function's links.
from stlv_resources_get_order import Resources as GetOrder

dynamodb = boto3.client("dynamodb")


def process_changes(event, context):
    """Subscribed to the orders table's stream: logs new, changed and deleted orders."""
    for record in event.get("Records", []):
        change = record["dynamodb"]
        if record["eventName"] == "INSERT":
            print(f"New order: {json.dumps(change.get('NewImage'))}")
        elif record["eventName"] == "MODIFY":
            print(f"Order updated: {json.dumps(change.get('OldImage'))} -> {json.dumps(change.get('NewImage'))}")
        else:
            print(f"Order deleted: {json.dumps(change.get('OldImage'))}")


def get_order(event, context):
    """Linked to the orders table: reads one order by its key."""
    response = dynamodb.get_item(
        TableName=GetOrder.orders.table_name,
        Key={"customer_id": {"S": event["customer_id"]}, "order_date": {"S": event["order_date"]}},
    )
    item = response.get("Item")
    return {"found": item is not None, "order": item}
