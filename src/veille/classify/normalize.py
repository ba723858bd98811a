"""Text normalisation shared by the lexicon and the features.

Markets obfuscate words to dodge filters ("c0ke", "gl0ck", "C O C A I N E") and write in several
languages with or without accents. Folding all of that to one form lets a single lexicon entry
and a single learnt n-gram weight cover every spelling. Written with str.translate and per-word
checks rather than whole-text regexes because it runs on every listing (throughput target).
"""

from __future__ import annotations

import re
import string
import unicodedata
from functools import lru_cache

_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "µ": "u"})
_COMBINING = re.compile(r"[\u0300-\u036f]")
# Digits or symbols *between letters* are leetspeak ("c0ke", "h3roin", "co$e"); digits at a word
# edge are quantities or models ("5g", "ak47", "g17") and must stay.
_LEET_RE = re.compile(r"(?<=[a-z])[0134578@$]+(?=[a-z])")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b",
                       "@": "a", "$": "s"})
_KEEP = set(".%@$")
_PUNCT = str.maketrans({c: " " for c in string.punctuation + "\t\n\r\x0b\x0c" if c not in _KEEP})
_NON_WORD = re.compile(r"[^\w.%@$ ]+")
_LEET_CHARS = set("0134578@$")
_LONE_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
# "250mg" -> "250 mg", "1oz" -> "1 oz": quantities and units become separate words, so "mg" or
# "oz" is one feature whatever the number in front.
_HAS_DIGIT = re.compile(r"\d")
_DIGIT_RUN = re.compile(r"\d+")
_DIGIT_ALPHA = re.compile(r"(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
# "MG42", "MG-34", "Deko-MG 42": a machine-gun designation, not milligrams. A dose puts the number
# first ("250mg", "2 mg 30 pills"), so "mg" + number counts as a model name only when no number
# comes just before it.
_MG_MODEL_RE = re.compile(r"(?<!\d)(?<!\d )\bmg[- ]?(\d{1,2})\b")
_MG_MODEL = re.compile(r"mg\d{1,2}")
# "G19", "Gen4 G26", "PT111 G2": a "g" with the number after it is a model name; a weight puts the
# number first ("5g", "3.5 g"). Split, it would read as grams and make a Glock ad a drug offer.
_G_MODEL = re.compile(r"g\d{1,3}")
# "9mm pistol + ammo", "AK-47 & 500 rounds": a free-standing "+" or "&" joins two things sold
# together; as punctuation it vanished and the title read as an ammunition offer. "S&W", "H&K",
# "S & W", "AT&T" and "+P" (a cartridge pressure rating) keep their old form.
_JOIN_RE = re.compile(r"(?<=[a-z0-9]{2})\s+&\s+(?=[a-z0-9]{2})|(?:(?<=\s)|^)\+(?=\s)(?!\s*p\b)"
                      r"|(?<=[a-z0-9])\s*\+\s*(?=[a-z]{3})|(?<=\s)\+(?=[a-z]{3})")
# "$45", "45 €", "524.45 USD", "0.05 BTC": a price. Left as a bare number, it read as a calibre
# (".45"), i.e. as weapon evidence. The amount is kept, written as a decimal ("$45" -> "45.0"),
# which no lexicon term matches inside. (Dropping it, or one "price" token, was measured: it
# turned banknote offers "Counterfeit GBP £20" into counterfeit goods, or priced gun ads and shop
# pages into financial fraud.)
_PRICE_RE = re.compile(
    r"[$€£]\s?(\d[\d.,]*)|(\d[\d.,]*)\s?(?:[$€£]|(?:usd|eur|euros?|dollars?|gbp|btc|xmr|chf)\b)")
_SPACED_QUICK = re.compile(r"(?:^| )[a-z] [a-z] [a-z] [a-z](?: |$)")
_SPACED = re.compile(r"(?<= )(?:[a-z] ){3,}[a-z](?= )")


def _unleet(m: re.Match[str]) -> str:
    run = m.group(0)
    # "HKP30SK", "AR15A2", "USP45C": two or more different digits inside a word are a model
    # number; leetspeak swaps single letters ("c0ke", "w33d").
    if len(run) > 1 and run.isdigit() and len(set(run)) > 1:
        return run
    return run.translate(_LEET)


# A memo of a pure function of one word (numbers, units, model names recur across listings):
# same output for the same input, bounded size, so every call stays a pure function of its text.
@lru_cache(maxsize=1 << 16)
def _fix_word(w: str) -> str:
    if w.isdigit():
        return w
    w = w.strip(".")
    if w[:2] == "mg" and _MG_MODEL.fullmatch(w):
        return w
    if w[:1] == "g" and _G_MODEL.fullmatch(w):
        return w
    # "M4A1", "MP7A1", "G3SG1": a short word that ends in its number is a model name throughout
    # (a longer one, "k3tamin3", is leetspeak; "C4H6O3", with three numbers, a formula).
    if _LEET_CHARS.intersection(w) and not (w[-1].isdigit() and len(w) <= 6
                                            and len(_DIGIT_RUN.findall(w)) <= 2):
        w = _LEET_RE.sub(_unleet, w)
    if not w.isalpha() and _HAS_DIGIT.search(w):
        w = _DIGIT_ALPHA.sub(" ", w)
    if not w.replace(" ", "").isalnum():
        w = w.replace("@", " ").replace("$", " ")
        # A dot survives only inside a number ("7.62", "0.5").
        if "." in w:
            w = _LONE_DOT.sub(" ", w)
    return w


def _join_word(m: re.Match[str]) -> str:
    return " and " if "&" in m.group(0) else " plus "


def _price(m: re.Match[str]) -> str:
    num = (m.group(1) or m.group(2)).rstrip(".,")
    return f" {num} " if "." in num or "," in num else f" {num}.0 "


def normalize(text: str) -> str:
    """Lowercase, fold accents and leetspeak, keep letters/digits/decimal points, one space."""
    s = text.lower().translate(_FOLD)
    if "+" in s or "&" in s:
        s = _JOIN_RE.sub(_join_word, s)
    if "$" in s or "€" in s or "£" in s or "usd" in s or "eur" in s or "btc" in s:
        s = _PRICE_RE.sub(_price, s)
    if "mg" in s:
        s = _MG_MODEL_RE.sub(r"mg\1", s)
    if "," in s:  # European decimal comma: "7,62x39" is "7.62x39"
        s = _DECIMAL_COMMA.sub(".", s)
    if not s.isascii():
        s = _COMBINING.sub("", unicodedata.normalize("NFKD", s))
        s = _NON_WORD.sub(" ", s.translate(_PUNCT))
    else:
        s = s.translate(_PUNCT)
    words = " ".join([w if w.isalpha() else _fix_word(w) for w in s.split()]).split()
    out = " ".join(words)
    # "c o c a i n e" -> "cocaine": four or more one-letter words in a row.
    if _SPACED_QUICK.search(out):
        out = _SPACED.sub(lambda m: m.group(0).replace(" ", ""), f" {out} ").strip()
    return out
