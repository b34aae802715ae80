# Test fixture.
def handler(event, context):
    return None
