#!/usr/bin/env python3
"""Record what the host's real N_TTY line discipline does, for test/kernel/ntty-diff*.test.ts.

For each case of test/kernel/ntty-cases.json: a fresh pty pair, the slave set to our
defaultTermios() (src/uapi/termios.ts) plus the case's changes, a child that makes the slave its
controlling tty (setsid + TIOCSCTTY) and reports the signals its process group gets over a pipe,
then the case's steps:
  "text"                typed on the master; records the echo the master reads back and signals
  {"write": "text"}     written on the slave; records the count and what the master reads
  {"read": n}           one non-blocking read(n) on the slave; records POLLIN and FIONREAD first
  {"termios": {...}}    more termios changes (TCSANOW; with "flush": true, TCSAFLUSH)
  {"flush": true}       tcflush(slave, TCIFLUSH)
and at the end non-blocking reads of `readSize` (8192) until EAGAIN, or until a non-canonical
read returns 0 (VMIN=0 would say 0 forever).

Bytes are latin1 strings. Keep cases deterministic: the master writes a chunk in 2048-byte
pieces (tty_write), and whether the echo of one piece reached the master before a signal
character in the next one flushes it (pty_flush_buffer) is a race, so no ISIG character goes
after the first 2048 bytes of a chunk; VTIME cases only where no wait happens (non-blocking). Usage: python3 scripts/record-ntty.py [case-name-prefix ...]
(with prefixes, only those cases are re-recorded and merged into the existing file).
"""
import fcntl
import json
import os
import select
import signal
import struct
import sys
import termios
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
CASES = os.path.join(ROOT, 'test/kernel/ntty-cases.json')
OUT = os.path.join(ROOT, 'test/kernel/ntty-recorded.json')

# include/uapi/asm-generic/termbits.h, as src/uapi/termios.ts has them (python's termios lacks IUTF8).
IFLAG = dict(IGNBRK=0o1, BRKINT=0o2, IGNPAR=0o4, ISTRIP=0o40, INLCR=0o100, IGNCR=0o200, ICRNL=0o400,
             IXON=0o2000, IXANY=0o4000, IXOFF=0o10000, IMAXBEL=0o20000, IUTF8=0o40000)
OFLAG = dict(OPOST=0o1, ONLCR=0o4, OCRNL=0o10, ONOCR=0o20, ONLRET=0o40)
LFLAG = dict(ISIG=0o1, ICANON=0o2, ECHO=0o10, ECHOE=0o20, ECHOK=0o40, ECHONL=0o100, NOFLSH=0o200,
             TOSTOP=0o400, ECHOCTL=0o1000, ECHOPRT=0o2000, ECHOKE=0o4000, IEXTEN=0o100000)
CC = dict(VINTR=0, VQUIT=1, VERASE=2, VKILL=3, VEOF=4, VTIME=5, VMIN=6, VSTART=8, VSTOP=9, VSUSP=10,
          VEOL=11, VREPRINT=12, VWERASE=14, VLNEXT=15, VEOL2=16)
NCCS = 19
SIGNALS = ['SIGINT', 'SIGQUIT', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGCONT', 'SIGWINCH', 'SIGHUP', 'SIGIO']


def default_termios():
    """defaultTermios() of src/uapi/termios.ts."""
    cc = [0] * NCCS
    for k, v in dict(VINTR=3, VQUIT=0x1c, VERASE=0x7f, VKILL=0x15, VEOF=4, VTIME=0, VMIN=1, VSTART=0x11,
                     VSTOP=0x13, VSUSP=0x1a, VREPRINT=0x12, VWERASE=0x17, VLNEXT=0x16).items():
        cc[CC[k]] = v
    L = LFLAG
    return {'iflag': IFLAG['ICRNL'] | IFLAG['IXON'] | IFLAG['IUTF8'], 'oflag': OFLAG['OPOST'] | OFLAG['ONLCR'],
            'cflag': 0o277,
            'lflag': L['ISIG'] | L['ICANON'] | L['ECHO'] | L['ECHOE'] | L['ECHOK'] | L['ECHOCTL'] | L['ECHOKE'] | L['IEXTEN'],
            'cc': cc}


def apply_changes(t, ch):
    for field, names in (('iflag', IFLAG), ('oflag', OFLAG), ('lflag', LFLAG)):
        for spec in ch.get(field, []):
            bit = names[spec[1:]]
            if spec[0] == '+':
                t[field] |= bit
            elif spec[0] == '-':
                t[field] &= ~bit
            else:
                raise ValueError(spec)
    for name, val in ch.get('cc', {}).items():
        t['cc'][CC[name]] = val if isinstance(val, int) else ord(val)


def set_termios(fd, t, when=termios.TCSANOW):
    attr = termios.tcgetattr(fd)
    attr[0], attr[1], attr[2], attr[3] = t['iflag'], t['oflag'], t['cflag'], t['lflag']
    cc = list(attr[6])
    for i in range(NCCS):
        cc[i] = bytes([t['cc'][i]])
    attr[6] = cc
    termios.tcsetattr(fd, when, attr)


def nonblock(fd):
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_NONBLOCK)


def drain(fd):
    out = b''
    while True:
        try:
            b = os.read(fd, 65536)
        except (BlockingIOError, OSError):
            return out
        if not b:
            return out
        out += b


def settle(master, sigr, min_wait=0.04):
    """The flip buffer is processed on a workqueue: wait until echo and signals stop arriving
    (40 ms without news; on a busy 2-core machine 15 ms proved too short)."""
    out, sigs = b'', b''
    start = time.monotonic()
    quiet = 0
    while time.monotonic() - start < 3:
        time.sleep(0.005)
        o, s = drain(master), drain(sigr)
        out += o
        sigs += s
        quiet = 0 if (o or s) else quiet + 1
        if quiet >= 8 and time.monotonic() - start >= min_wait:
            break
    return out.decode('latin1'), [signal.Signals(n).name for n in sigs]


def child(slave, sigw, readyw):
    os.setsid()
    fcntl.ioctl(slave, termios.TIOCSCTTY, 0)

    def report(signum, _frame):
        os.write(sigw, bytes([signum]))
    for name in SIGNALS:
        signal.signal(getattr(signal, name), report)
    os.write(readyw, b'r')
    while True:
        signal.pause()


def run_case(case):
    master, slave = os.openpty()
    sigr, sigw = os.pipe()
    readyr, readyw = os.pipe()
    t = default_termios()
    apply_changes(t, case.get('termios', {}))
    set_termios(slave, t)
    pid = os.fork()
    if pid == 0:
        try:
            os.close(master)
            child(slave, sigw, readyw)
        finally:
            os._exit(0)
    os.read(readyr, 1)
    nonblock(master)
    nonblock(slave)
    nonblock(sigr)
    rec = {'name': case['name'], 'steps': []}
    setup_out, _ = settle(master, sigr)
    if setup_out:
        rec['setupOutput'] = setup_out

    def do_read(n):
        pollin = pollin_of(slave)
        inq = struct.unpack('i', fcntl.ioctl(slave, termios.FIONREAD, b'\0' * 4))[0]
        try:
            data = os.read(slave, n).decode('latin1')
        except BlockingIOError:
            data = None
        echo, sigs = settle(master, sigr)
        r = {'pollin': pollin, 'inq': inq, 'data': data}
        if echo:
            r['echo'] = echo
        return r

    for step in case['steps']:
        if isinstance(step, str):
            data = step.encode('latin1')
            while data:
                try:
                    data = data[os.write(master, data):]
                except BlockingIOError:
                    time.sleep(0.002)
            echo, sigs = settle(master, sigr)
            rec['steps'].append({'echo': echo, 'signals': sigs})
        elif 'write' in step:
            try:
                n = os.write(slave, step['write'].encode('latin1'))
            except BlockingIOError:
                n = 0
            out, _ = settle(master, sigr)
            rec['steps'].append({'wrote': n, 'output': out})
        elif 'read' in step:
            rec['steps'].append(do_read(step['read']))
        elif 'termios' in step:
            apply_changes(t, step['termios'])
            set_termios(slave, t, termios.TCSAFLUSH if step.get('flush') else termios.TCSANOW)
            out, _ = settle(master, sigr)
            rec['steps'].append({'output': out})
        elif 'flush' in step:
            termios.tcflush(slave, termios.TCIFLUSH)
            out, _ = settle(master, sigr)
            rec['steps'].append({'output': out})
        else:
            raise ValueError(step)
    reads = []
    canon = t['lflag'] & LFLAG['ICANON']
    for _ in range(64):
        r = do_read(case.get('readSize', 8192))
        reads.append(r)
        if r['data'] is None or (r['data'] == '' and not canon):
            break
    rec['reads'] = reads
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    for fd in (master, slave, sigr, sigw, readyr, readyw):
        os.close(fd)
    return rec


def pollin_of(fd):
    p = select.poll()
    p.register(fd, select.POLLIN)
    return any(ev & select.POLLIN for _, ev in p.poll(0))


def main():
    with open(CASES) as f:
        cases = json.load(f)['cases']
    prefixes = sys.argv[1:]
    old = {}
    if prefixes and os.path.exists(OUT):
        with open(OUT) as f:
            old = {r['name']: r for r in json.load(f)['cases']}
    names = [c['name'] for c in cases]
    assert len(set(names)) == len(names), 'case names must be unique'
    out = []
    for case in cases:
        if prefixes and not any(case['name'].startswith(p) for p in prefixes) and case['name'] in old:
            out.append(old[case['name']])
            continue
        out.append(run_case(case))
        print(case['name'], file=sys.stderr)
    doc = {'kernel': os.uname().release, 'recordedBy': 'scripts/record-ntty.py', 'cases': out}
    with open(OUT, 'w') as f:
        json.dump(doc, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
