#!/usr/bin/env python3
"""drive-pty.py -- run a command on a pseudo-terminal and drive it like a person.

Usage: drive-pty.py SCRIPT LOG CMD [ARG]...
SCRIPT has one action a line:
  expect TEXT   wait (at most 30 s) until the output shows TEXT
  send TEXT     type TEXT and Enter
  ctrl X        type Ctrl-X alone (ctrl D: end of input at a terminal; ctrl C)
  signal NAME   send the signal (TERM, HUP, INT) to the command
  hangup        close the terminal and send SIGHUP, as a dropped SSH link does
  sane          the terminal echoes and reads lines again (stty echo icanon)
  exit N [S]    the command ends with status N (-15: killed by SIGTERM) within S
                seconds (30 by default)
Everything the command wrote goes to LOG.  Exits 1 with a message on a mismatch.
"""
import os, pty, select, signal, sys, termios, time

def main():
    script, log, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    seen, closed, out = b"", False, open(log, "ab")

    def pump(timeout):
        nonlocal seen
        r, _, _ = select.select([fd], [], [], timeout)
        if not r:
            return
        try:
            data = os.read(fd, 4096)
        except OSError:
            data = b""
        seen += data
        out.write(data)
        out.flush()

    for line in open(script, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        act, _, arg = line.partition(" ")
        if act == "expect":
            want, end = arg.encode(), time.time() + 30
            while want not in seen:
                if time.time() > end:
                    sys.exit("drive-pty.py: never saw %r" % arg)
                pump(0.2)
            seen = seen[seen.index(want) + len(want):]
        elif act == "send":
            time.sleep(0.1)
            os.write(fd, arg.encode() + b"\r")
        elif act == "ctrl":
            time.sleep(0.1)
            os.write(fd, bytes([ord(arg.upper()) & 0x1f]))
        elif act == "signal":
            os.kill(pid, getattr(signal, "SIG" + arg))
        elif act == "hangup":
            os.close(fd)
            closed = True
            os.kill(pid, signal.SIGHUP)
        elif act == "sane":
            lflag = termios.tcgetattr(fd)[3]
            if not (lflag & termios.ECHO and lflag & termios.ICANON):
                sys.exit("drive-pty.py: the terminal was left without echo or line mode")
        elif act == "exit":
            arg, _, within = arg.partition(" ")
            end = time.time() + float(within or 30)
            while True:
                if not closed:
                    pump(0.1)
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    break
                if time.time() > end:
                    os.kill(pid, signal.SIGKILL)
                    sys.exit("drive-pty.py: the command did not end within %s s" %
                             (within or 30))
                time.sleep(0.05)
            code = os.waitstatus_to_exitcode(status)
            if code != int(arg):
                sys.exit("drive-pty.py: exit status %d, expected %s" % (code, arg))
        else:
            sys.exit("drive-pty.py: unknown action %r" % act)

main()
