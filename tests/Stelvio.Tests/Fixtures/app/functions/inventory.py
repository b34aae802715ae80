# Test fixture.
def update_stock(event, context):
    return None
