def handle(event, context):
    return {"records": len(event.get("Records", []))}
