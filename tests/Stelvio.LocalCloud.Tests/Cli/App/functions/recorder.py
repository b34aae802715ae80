def process(event, context):
    """Prints each record it gets; a record whose new image has a 'fail' attribute fails the batch."""
    for record in event.get("Records", []):
        item_id = record["dynamodb"]["Keys"]["id"]["S"]
        print(f"{record['eventName']} {item_id}")
        if "fail" in record["dynamodb"].get("NewImage", {}):
            raise ValueError(f"cannot process item {item_id}")
