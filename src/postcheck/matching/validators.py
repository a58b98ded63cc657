"""Named validators that a regex match must pass: check digits and real-world number plans.

Facts are from `shared/reference/detection.md` (HMRC, NHS, DfE and ESFA formats, BS 7666).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import phonenumbers
from stdnum import luhn as _luhn
from stdnum.gb import upn as _upn


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def nhs_mod11(text: str) -> bool:
    """NHS number: weights 10..2 over 9 digits; check = 11 - sum mod 11 (11→0, 10 invalid)."""
    digits = _digits(text)
    if len(digits) != 10:
        return False
    check = 11 - sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True)) % 11
    check = 0 if check == 11 else check
    return check != 10 and check == int(digits[9])


def uln(text: str) -> bool:
    """Unique Learner Number: 10 digits, first not 0, digit sum × weights 10..1 ≡ 10 mod 11."""
    digits = _digits(text)
    if len(digits) != 10 or digits[0] == "0":
        return False
    return sum(int(d) * w for d, w in zip(digits, range(10, 0, -1), strict=True)) % 11 == 10


_NINO_PREFIX_BAD = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ", "OO", "CR", "FY", "MW", "NC"}


def nino(text: str) -> bool:
    """National Insurance number: prefix letters and suffix rules (there is no check digit)."""
    value = re.sub(r"[\s-]", "", text).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{6}[A-D]", value):
        return False
    first, second = value[0], value[1]
    return first not in "DFIQUV" and second not in "DFIOQUV" and value[:2] not in _NINO_PREFIX_BAD


def upn(text: str) -> bool:
    """Unique Pupil Number: check letter + 12 characters (python-stdnum implements mod 23)."""
    return bool(_upn.is_valid(re.sub(r"\s", "", text).upper()))


_POSTCODE = re.compile(
    r"^(?:GIR ?0AA|[A-PR-UWYZ](?:[0-9][0-9A-HJKMNPR-Y]?|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?)"
    r" ?[0-9][ABD-HJLNP-UW-Z]{2})$"
)


def uk_postcode(text: str) -> bool:
    """BS 7666 shape: first letter never Q V X, second never I J Z, inward never C I K M O V."""
    return bool(_POSTCODE.match(re.sub(r"\s+", " ", text.strip().upper())))


@lru_cache(maxsize=4096)
def uk_phone(text: str) -> bool:
    """A UK (region GB) number, national or international format, via phonenumbers.

    Ofcom's drama ranges (07700 900xxx, 01632 960xxx) are reserved, so phonenumbers calls them
    invalid; a complete number of a dialable shape counts too, so those are flagged like any other.
    """
    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException:
        return False
    if phonenumbers.is_valid_number(number):
        return True
    national = str(number.national_number)
    return (
        number.country_code == 44
        and len(national) in (9, 10)
        and national[0] in "1237"
        and bool(phonenumbers.is_possible_number(number))
    )


def luhn(text: str) -> bool:
    digits = _digits(text)
    return len(digits) >= 12 and bool(_luhn.is_valid(digits))


def email(text: str) -> bool:
    local, _, domain = text.rpartition("@")
    return bool(local) and "." in domain and not domain.endswith(".")


def not_word(text: str) -> bool:
    """True for password-shaped tokens: not a plain dictionary word (digits, symbols, caps)."""
    from postcheck.nlp.words import is_word

    return not is_word(text)


VALIDATORS: dict[str, Callable[[str], bool]] = {
    "nhs_mod11": nhs_mod11,
    "nino": nino,
    "uln": uln,
    "upn": upn,
    "uk_postcode": uk_postcode,
    "uk_phone": uk_phone,
    "luhn": luhn,
    "email": email,
    "not_word": not_word,
}


def phone_digits(text: str) -> str:
    """National significant digits, so `+44 1632 960000` equals `01632 960000`."""
    try:
        return str(phonenumbers.parse(text, "GB").national_number)
    except phonenumbers.NumberParseException:
        return _digits(text).lstrip("0")
