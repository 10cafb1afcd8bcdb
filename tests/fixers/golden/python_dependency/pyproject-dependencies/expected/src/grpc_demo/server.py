from google.protobuf import descriptor_pb2
