#!/usr/bin/env python3
# server.py -- a card service on 127.0.0.1 for the tests: the sscard protocol, with faults on demand.
#
# POST /applications (multipart: application JSON + photo), Idempotency-Key
# header: 201 {"receipt"} the first time, 409 {"receipt"} for a key it has;
# GET /applications/RECEIPT: {"status", "message"} (--status, default reviewing);
# GET /_stats: what it saw.
# --faults a,b,c applies a, b, c to the next POST requests in order:
#   429 503 503date 500 drop cut slow recdrop 422 malformed huge
#   503:N (Retry-After: N seconds)  c1reason (422, a reason with C1 controls
#   and bidi overrides)  dotreceipt (the receipt "..")  echo (422, a reason
#   that repeats a name, an ID and a mobile number written in groups)
# GET requests are counted in "gets" (path list).
# The chosen port is written as one line on stdout, then stdout is closed.

import argparse
import email.utils
import hashlib
import json
import os
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOCK = threading.Lock()
STATE = {
    "faults": [],
    "posts": {},        # key -> POST requests that reached the handler
    "created": {},      # key -> receipt
    "applications": 0,  # distinct applications recorded
    "forms": {},        # key -> extra form fields
    "parts": {},        # key -> [part name, file name, content type]
    "agents": [],
    "bad": [],          # protocol violations seen
    "connections": 0,   # TCP connections accepted
    "gets": [],         # paths of GET requests, but /_stats
}
ARGS = None


def next_fault():
    with LOCK:
        return STATE["faults"].pop(0) if STATE["faults"] else None


def parse_multipart(ctype, body):
    """Returns {name: (headers dict, data)} or raises ValueError."""
    if not ctype.startswith("multipart/form-data"):
        raise ValueError("not multipart/form-data")
    boundary = None
    for p in ctype.split(";")[1:]:
        k, _, v = p.strip().partition("=")
        if k.lower() == "boundary":
            boundary = v.strip('"')
    if not boundary:
        raise ValueError("no boundary")
    delim = b"--" + boundary.encode()
    chunks = body.split(delim)
    if len(chunks) < 3 or not chunks[-1].startswith(b"--"):
        raise ValueError("truncated multipart body")
    parts = {}
    for chunk in chunks[1:-1]:
        head, sep, data = chunk[2:].partition(b"\r\n\r\n")
        if not sep or not data.endswith(b"\r\n"):
            raise ValueError("bad part")
        hdrs = {}
        for line in head.decode("utf-8").split("\r\n"):
            k, _, v = line.partition(":")
            hdrs[k.strip().lower()] = v.strip()
        disp = hdrs.get("content-disposition", "")
        params = {}
        for p in disp.split(";")[1:]:
            k, _, v = p.strip().partition("=")
            params[k] = v.strip('"')
        hdrs["name"] = params.get("name")
        hdrs["filename"] = params.get("filename")
        parts[params.get("name")] = (hdrs, data[:-2])
    return parts


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def setup(self):
        with LOCK:
            STATE["connections"] += 1
        # Headers and body go out in separate writes: without this, Nagle
        # and delayed ACKs add 40 ms to every reply.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if isinstance(self.request, ssl.SSLSocket):
            self.request.settimeout(30)
            self.request.do_handshake()
        super().setup()

    def log_message(self, fmt, *args):
        pass

    def reply(self, code, obj=None, raw=None, headers=()):
        body = raw if raw is not None else json.dumps(obj or {}).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def drop(self):
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def do_GET(self):
        if self.path == "/_stats":
            with LOCK:
                self.reply(200, {k: v for k, v in STATE.items() if k != "faults"})
            return
        with LOCK:
            STATE["gets"].append(self.path)
        if self.path.startswith("/applications/"):
            receipt = self.path[len("/applications/"):]
            if receipt == "MALFORMED":
                self.reply(200, raw=b'{"status": "revi')
                return
            with LOCK:
                known = receipt in STATE["created"].values()
            if not known:
                self.reply(404, {"error": "no such application"})
                return
            self.reply(200, {"status": ARGS.status,
                             "message": "Your photo is being checked."})
            return
        self.reply(404, {"error": "not found"})

    def check_auth(self):
        if ARGS.token is None:
            return True
        return self.headers.get("Authorization") == "Bearer " + ARGS.token

    def do_POST(self):
        if self.path != "/applications":
            self.reply(404, {"error": "not found"})
            return
        fault = next_fault()
        length = int(self.headers.get("Content-Length", "-1"))
        if length < 0:
            self.reply(411, {"reason": "Content-Length required"})
            return
        if fault == "cut":
            self.rfile.read(min(length, 1000))
            self.drop()
            return
        body = self.rfile.read(length)
        key = self.headers.get("Idempotency-Key", "")
        with LOCK:
            STATE["posts"][key] = STATE["posts"].get(key, 0) + 1
            STATE["agents"].append(self.headers.get("User-Agent", ""))
        if not self.check_auth():
            self.reply(401, {"error": "invalid token"})
            return
        if fault in ("429", "503", "503date"):
            after = "1" if fault != "503date" else email.utils.formatdate(
                time.time() + 1, usegmt=True)
            self.reply(int(fault[:3]), {"error": "busy"},
                       headers=[("Retry-After", after)])
            return
        if fault and fault.startswith("503:"):
            self.reply(503, {"error": "busy"},
                       headers=[("Retry-After", fault[4:])])
            return
        if fault == "c1reason":
            self.reply(422, {"reason": "Photo\u009b31m refused \u202eevil"
                                       "\u202c \u2066x\u2069 \u0085end"})
            return
        if fault == "echo":
            self.reply(422, {"reason": "王小明 (110105 1949-1231 002X, "
                                       "+86 138.0013.8000) already applied"})
            return
        if fault == "500":
            self.reply(500, {"error": "internal"})
            return
        if fault == "drop":
            self.drop()
            return
        if fault == "422":
            self.reply(422, {"reason": "The photo does not show a face."})
            return
        problem = self.validate(key, body)
        if problem:
            with LOCK:
                STATE["bad"].append(problem)
            self.reply(400, {"reason": problem})
            return
        with LOCK:
            if key in STATE["created"]:
                code, receipt = 409, STATE["created"][key]
            else:
                STATE["applications"] += 1
                receipt = "R%06d" % STATE["applications"]
                STATE["created"][key] = receipt
                code = 201
        if fault == "recdrop":
            self.drop()
            return
        if fault == "slow":
            time.sleep(ARGS.slow)
        if fault == "dotreceipt":
            self.reply(code, {"receipt": ".."})
            return
        if fault == "malformed":
            self.reply(code, raw=b'{"receipt": "R00')
            return
        if fault == "huge":
            self.reply(code, raw=b'{"receipt": "' + b"R" * 200000 + b'"}')
            return
        self.reply(code, {"receipt": receipt})

    def validate(self, key, body):
        try:
            parts = parse_multipart(self.headers.get("Content-Type", ""), body)
        except (ValueError, UnicodeDecodeError) as e:
            return "bad multipart: %s" % e
        ap, ph = ARGS.application_part, ARGS.photo_part
        if ap not in parts:
            return "missing part %s" % ap
        hdrs, data = parts[ap]
        if hdrs.get("content-type") != "application/json":
            return "application part is not application/json"
        app = json.loads(data)
        if app.get("idempotency_key") != key or not key:
            return "Idempotency-Key does not match the application"
        # A photo studio's receipt number stands for the photo: no photo part.
        if app.get("photo") is None and isinstance(app.get("photo_receipt"), str):
            if ph in parts:
                return "a photo part beside a photo receipt number"
            with LOCK:
                STATE["parts"][key] = ["photo_receipt", app["photo_receipt"], None]
            return None
        if ph not in parts:
            return "missing part %s" % ph
        phdrs, photo = parts[ph]
        if hashlib.sha256(photo).hexdigest() != app["photo"]["sha256"]:
            return "photo does not match its sha256"
        if not phdrs.get("filename") or phdrs.get("content-type") not in (
                "image/jpeg", "image/png"):
            return "photo part lacks a file name or an image type"
        if not self.headers.get("User-Agent", "").startswith("sscard/"):
            return "User-Agent is not sscard's"
        with LOCK:
            STATE["forms"][key] = {n: d.decode() for n, (h, d) in parts.items()
                                   if n not in (ap, ph)}
            STATE["parts"][key] = [ph, phdrs.get("filename"),
                                   phdrs.get("content-type")]
        return None


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--cert")
    ap.add_argument("--key")
    ap.add_argument("--token")
    ap.add_argument("--faults", default="")
    ap.add_argument("--slow", type=float, default=3.0)
    ap.add_argument("--status", default="reviewing")
    ap.add_argument("--application-part", default="application")
    ap.add_argument("--photo-part", default="photo")
    ARGS = ap.parse_args()
    STATE["faults"] = [f for f in ARGS.faults.split(",") if f]
    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer.request_queue_size = 256
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if ARGS.cert:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(ARGS.cert, ARGS.key)
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True,
                                     do_handshake_on_connect=False)
    print(srv.server_address[1], flush=True)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
