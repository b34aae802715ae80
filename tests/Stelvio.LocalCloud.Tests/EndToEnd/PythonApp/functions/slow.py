import time


def handler(event, context):
    time.sleep(event.get("seconds", 1))
    return {"slept": event.get("seconds", 1)}
