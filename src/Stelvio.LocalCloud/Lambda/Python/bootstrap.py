"""Stelvio's local Lambda runtime for python3.* functions (standard library only).

Run by the local cloud with the environment Lambda sets (AWS_LAMBDA_RUNTIME_API, _HANDLER, LAMBDA_TASK_ROOT, ...):
imports the handler's module from LAMBDA_TASK_ROOT, then serves invocations from the Runtime API (2018-06-01)
one after another, calling handler(event, context) and reporting the result or the error in Lambda's shapes.
"""

import http.client
import importlib
import json
import logging
import os
import sys
import time
import traceback

API_VERSION = "2018-06-01"


class RuntimeApi:
    """The Runtime API over one kept-alive HTTP connection."""

    def __init__(self, address):
        host, _, port = address.partition(":")
        self.connection = http.client.HTTPConnection(host, int(port or 80))

    def _call(self, method, path, body=None, headers=None):
        self.connection.request(method, "/" + API_VERSION + path, body=body, headers=headers or {})
        response = self.connection.getresponse()
        return response, response.read()

    def next(self):
        response, body = self._call("GET", "/runtime/invocation/next")
        if response.status != 200:
            raise RuntimeError("GET /runtime/invocation/next failed with HTTP %d: %s" % (response.status, body))
        return response.headers, body

    def post(self, path, payload, error_type=None):
        headers = {"Content-Type": "application/json"}
        if error_type:
            headers["Lambda-Runtime-Function-Error-Type"] = error_type
        response, body = self._call("POST", path, payload, headers)
        if response.status == 400 or response.status == 413:
            # Lambda refused this post (bad request id, response too large) and failed the invocation itself.
            print("Lambda refused the post to %s: HTTP %d %s" % (path, response.status, body.decode("utf-8", "replace")), flush=True)
        elif response.status >= 300:
            raise RuntimeError("POST %s failed with HTTP %d: %s" % (path, response.status, body))


class Fault(Exception):
    """An error the runtime reports with one of Lambda's Runtime.* types."""

    def __init__(self, error_type, message, trace=None):
        super().__init__(message)
        self.error_type = error_type
        self.message = message
        self.trace = trace or []


class LambdaContext:
    """The context object Lambda passes to a Python handler."""

    def __init__(self, request_id, invoked_function_arn, deadline_ms):
        self.aws_request_id = request_id
        self.invoked_function_arn = invoked_function_arn
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.identity = None
        self.client_context = None
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        remaining = self._deadline_ms - int(time.time() * 1000)
        return remaining if remaining > 0 else 0

    def log(self, message):
        sys.stdout.write(str(message))
        sys.stdout.flush()


class RequestIdFilter(logging.Filter):
    request_id = ""

    def filter(self, record):
        record.aws_request_id = RequestIdFilter.request_id
        return True


def setup_logging():
    logging.Formatter.converter = time.gmtime
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter(
        "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s", "%Y-%m-%dT%H:%M:%S"))
    handler.addFilter(RequestIdFilter())
    logging.getLogger().addHandler(handler)


def user_frames(tb):
    """The traceback's frames from the first one outside this file (as Lambda hides its runtime's frames)."""
    frames = traceback.extract_tb(tb)
    here = os.path.abspath(__file__)
    for index, frame in enumerate(frames):
        if os.path.abspath(frame.filename) != here:
            return traceback.format_list(frames[index:])
    return []


def error_body(error_type, message, trace, request_id):
    return {"errorMessage": message or "", "errorType": error_type or "", "requestId": request_id, "stackTrace": trace or []}


def log_error(error):
    lines = ["[ERROR] " + error["errorType"] + ": " + error["errorMessage"]]
    if error["stackTrace"]:
        lines.append("Traceback (most recent call last):")
        for entry in error["stackTrace"]:
            lines.extend(entry.rstrip("\n").split("\n"))
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()


def load_handler(setting):
    try:
        module_name, function_name = setting.rsplit(".", 1)
    except ValueError as e:
        raise Fault("Runtime.MalformedHandlerName", "Bad handler '{}': {}".format(setting, e))
    try:
        if module_name.split(".")[0] in sys.builtin_module_names:
            raise Fault("Runtime.BuiltInModuleConflict", "Cannot use built-in module {} as a handler module".format(module_name))
        module = importlib.import_module(module_name.replace("/", "."))
    except ImportError as e:
        raise Fault("Runtime.ImportModuleError", "Unable to import module '{}': {}".format(module_name, e))
    except SyntaxError as e:
        trace = ['  File "%s" Line %s\n    %s' % (e.filename, e.lineno, e.text)]
        raise Fault("Runtime.UserCodeSyntaxError", "Syntax error in module '{}': {}".format(module_name, e), trace)
    try:
        return getattr(module, function_name)
    except AttributeError:
        raise Fault("Runtime.HandlerNotFound", "Handler '{}' missing on module '{}'".format(function_name, module_name))


def invoke(api, handler, headers, body):
    request_id = headers.get("Lambda-Runtime-Aws-Request-Id", "")
    RequestIdFilter.request_id = request_id
    trace_id = headers.get("Lambda-Runtime-Trace-Id")
    if trace_id:
        os.environ["_X_AMZN_TRACE_ID"] = trace_id
    else:
        os.environ.pop("_X_AMZN_TRACE_ID", None)
    try:
        context = LambdaContext(request_id, headers.get("Lambda-Runtime-Invoked-Function-Arn"),
                                int(headers.get("Lambda-Runtime-Deadline-Ms") or 0))
        try:
            event = json.loads(body) if body else None
        except ValueError as e:
            raise Fault("Runtime.UnmarshalError", "Unable to unmarshal input: {}".format(e))
        result = handler(event, context)
        if isinstance(result, bytes):
            payload = result
        else:
            try:
                payload = json.dumps(result).encode("utf-8")
            except (TypeError, ValueError) as e:
                raise Fault("Runtime.MarshalError", "Unable to marshal response: {}".format(e))
    except Fault as fault:
        error = error_body(fault.error_type, fault.message, fault.trace, request_id)
    except Exception as e:
        error = error_body(type(e).__name__, str(e), user_frames(sys.exc_info()[2]), request_id)
    else:
        api.post("/runtime/invocation/%s/response" % request_id, payload)
        return
    log_error(error)
    api.post("/runtime/invocation/%s/error" % request_id, json.dumps(error).encode("utf-8"), error["errorType"])


def main():
    api = RuntimeApi(os.environ["AWS_LAMBDA_RUNTIME_API"])
    task_root = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
    if task_root not in sys.path:
        sys.path.insert(0, task_root)
    setup_logging()
    try:
        handler = load_handler(os.environ.get("_HANDLER", ""))
    except Exception as e:
        if isinstance(e, Fault):
            error = error_body(e.error_type, e.message, e.trace, "")
        else:
            error = error_body(type(e).__name__, str(e), user_frames(sys.exc_info()[2]), "")
        log_error(error)
        api.post("/runtime/init/error", json.dumps(error).encode("utf-8"), error["errorType"])
        sys.exit(1)
    while True:
        headers, body = api.next()
        invoke(api, handler, headers, body)


if __name__ == "__main__":
    main()
