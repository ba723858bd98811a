"""Contacts: e-mail, phones (E.164), messenger handles in four languages, and what is not one."""

from __future__ import annotations

import pytest

from veille.extract import extract


def _kv(text: str, region: str | None = None, kinds: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(m.kind, m.value) for m in extract(text, default_region=region)
            if not kinds or m.kind in kinds]


HANDLE_KINDS = ("wickr", "telegram", "kik", "icq", "session", "signal", "xmpp", "whatsapp")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wickr ID.......trusted99", [("wickr", "trusted99")]),
        ("WICKR NAME/ID>>>>>>> legitboss33 USA_PLUG", [("wickr", "legitboss33")]),
        ("contact us on Wickr at legitmed007 before", [("wickr", "legitmed007")]),
        ("mon télégram: @Vendeur_Paris", [("telegram", "vendeur_paris")]),
        ("Mein Telegramm: kraeuter_shop24", [("telegram", "kraeuter_shop24")]),
        ("mi telegrama es @la_tienda_es", [("telegram", "la_tienda_es")]),
        ("Telegram channel → @canal_oficial", [("telegram", "canal_oficial")]),
        ("join https://t.me/somevendor_bot or t.me/+AbCdEfGh1234", [
            ("telegram", "somevendor_bot"), ("telegram", "+AbCdEfGh1234")]),
        ("ICQ = 747 165 525", [("icq", "747165525")]),
        ("Kik: Bob_77", [("kik", "bob_77")]),
        ("Jabber: vendor@jabber.ccc.de", [("xmpp", "vendor@jabber.ccc.de")]),
        ("XMPP/Jabber : Dealer@xmpp.jp please", [("xmpp", "dealer@xmpp.jp")]),
        ("Session ID: 05" + "ab" * 32, [("session", "05" + "ab" * 32)]),
        ("Signal: vendor.42", [("signal", "vendor.42")]),
        ("wickr (sicario999) whatsapp", [("wickr", "sicario999")]),
        ("Wickr ID :::::: brookmax5Kik ::::::::::: Brookmax56Telegram::::::: madmax2200",
         [("wickr", "brookmax5"), ("kik", "brookmax56"), ("telegram", "madmax2200")]),
    ],
)
def test_labelled_handles(text: str, expected: list[tuple[str, str]]) -> None:
    assert _kv(text, kinds=HANDLE_KINDS) == expected


@pytest.mark.parametrize(
    "text",
    [
        "download the wickr me app from your App store",
        "FOR FASTER ORDERS YOU CAN DOWNLOAD WICKR OR KIK ON YOUR PLAY STORE",
        "the signal strength was lost, session expired",
        "ICQ 12",  # too short to be a UIN
        "Telegram is a messenger",
        "no session: 05abc",  # not a Session id
        "hotel: 12 rue de la Paix",
    ],
)
def test_prose_is_not_a_handle(text: str) -> None:
    assert _kv(text, kinds=HANDLE_KINDS) == []


def test_phones_e164_and_regions() -> None:
    assert _kv("call +33 6 12 34 56 78 now", kinds=("phone",)) == [("phone", "+33612345678")]
    # A national number needs a label and the site's default region.
    assert _kv("Tél : 06 12 34 56 78", region="FR", kinds=("phone",)) == [("phone", "+33612345678")]
    assert _kv("Handy: 0151 23456789", region="DE", kinds=("phone",)) == [("phone", "+4915123456789")]
    assert _kv("ref 06 12 34 56 78", region="FR", kinds=("phone",)) == []  # unlabelled
    assert _kv("order 4815162342 shipped", kinds=("phone",)) == []
    assert _kv("WhatsApp: +1 202 555 0147", kinds=("whatsapp",)) == [("whatsapp", "+12025550147")]
    assert _kv("https://wa.me/447911123456", kinds=("whatsapp",)) == [("whatsapp", "+447911123456")]


def test_emails_with_glued_text_and_tlds() -> None:
    assert _kv("mail contact001@protonmail.comship today", kinds=("email",)) == [
        ("email", "contact001@protonmail.com")]
    assert _kv("write to Vendor.Name+shop@Example.ORG.", kinds=("email",)) == [
        ("email", "Vendor.Name+shop@example.org")]
    assert _kv("a@b", kinds=("email",)) == []
    assert _kv("user@host.notatld", kinds=("email",)) == []
    assert _kv("admin@xyzabcdefghijklmn.onion", kinds=("email",)) == [
        ("email", "admin@xyzabcdefghijklmn.onion")]


def test_jid_is_xmpp_not_email() -> None:
    kinds = [m.kind for m in extract("jabber: vendor@exploit.im")]
    assert kinds == ["xmpp"]
