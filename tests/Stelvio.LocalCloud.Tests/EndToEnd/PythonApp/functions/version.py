def handler(event, context):
    return {"version": 1}
