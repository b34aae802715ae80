def process_changes(event, context):
    """Process DynamoDB stream events."""
    for record in event.get('Records', []):
        event_name = record['eventName']  # INSERT, MODIFY, REMOVE
        
        if event_name == 'INSERT':
            # New item added
            new_item = record['dynamodb']['NewImage']
            print(f"New order: {new_item}")
            
        elif event_name == 'MODIFY': 
            # Item updated
            old_item = record['dynamodb']['OldImage']
            new_item = record['dynamodb']['NewImage']
            print(f"Order updated: {old_item} -> {new_item}")
            
        elif event_name == 'REMOVE':
            # Item deleted
            old_item = record['dynamodb']['OldImage']
            print(f"Order deleted: {old_item}")
