# Test fixture: the guide's Python handlers.
def process_changes(event, context):
    for record in event.get("Records", []):
        print(record["eventName"])


def handler(event, context):
    return {"ok": True}
