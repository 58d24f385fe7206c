"""truth.py -- for the tests of what sscard tells a citizen: the texts of any
region, channel and card in any language (tests/kit/summary), and the
translation a user of a language sees.

Imported by the checks that tests/kit/*.sh run with python3; the environment
is make check's (top_builddir, SSCARD_LOCALEDIR).
"""
import gettext
import os
import re
import subprocess

LANGS = ("en", "zh_CN", "zh_TW", "es")
CHANNELS = (0, 1, 2)
HELPER = os.path.join(os.environ["top_builddir"], "tests", "kit", "summary")
LOCALEDIR = os.environ["SSCARD_LOCALEDIR"]


def regions():
    """The region ids, in table order (the index is the helper's REGION)."""
    return subprocess.run([HELPER, "regions"], capture_output=True, text=True,
                          check=True).stdout.split()


def summary(lang, region, channel, lost, receipt=None):
    """summary.txt of that application, as kit_save writes it."""
    args = [HELPER, lang, str(region), str(channel), str(lost)]
    if receipt:
        args.append(receipt)
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def steps(lang, region, channel, lost):
    """The next steps, "label text" a line, unwrapped."""
    return subprocess.run([HELPER, "steps", lang, str(region), str(channel), str(lost)],
                          capture_output=True, text=True, check=True).stdout


def tr(lang, msgid):
    """What a user of lang sees for msgid (the msgid itself in English)."""
    if lang == "en":
        return msgid
    return gettext.translation("sscard", LOCALEDIR, languages=[lang],
                               fallback=True).gettext(msgid)


def flat(s):
    """s without any white space: wrapped text compares with unwrapped."""
    return re.sub(r"\s+", "", s)


def has(text, part):
    return flat(part) in flat(text)


class Problems(list):
    """Problems found; report() prints them and gives the exit status."""

    def check(self, ok, what):
        if not ok:
            self.append(what)

    def report(self):
        for p in self[:40]:
            print(p)
        if len(self) > 40:
            print("... and %d more" % (len(self) - 40))
        return 1 if self else 0
