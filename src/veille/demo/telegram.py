"""A Telegram channel exported by Telegram Desktop (result.json), with offers and service messages."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from veille.demo.catalog import CALIBRE_SPELLINGS, PISTOLS, RIFLES
from veille.demo.common import fmt_number

# (label, sublabel, template, price range in EUR)
_OFFERS = [
    ("firearms", "firearms.handgun", "{pistol} dispo – {price}", (700, 2200)),
    ("firearms", "firearms.long_gun", "{rifle} complet + 2 chargeurs – {price}", (1200, 3500)),
    ("firearms", "firearms.reactivated", "{rifle} remis en état de tir – {price}", (900, 2500)),
    ("firearms", "firearms.converted_alarm", "Pistolet d'alarme converti 9mm – {price}", (350, 800)),
    ("ammunition", "ammunition.cartridges", "{n} cartouches {acal} – {price}", (40, 300)),
    ("drugs", "drugs.cannabis", "Amnesia {g} g – {price}", (40, 400)),
    ("drugs", "drugs.cocaine", "Coco {g} g – {price}", (300, 3000)),
    ("fake_documents", "fake_documents.id_card", "CNI / permis sur commande – {price}", (300, 900)),
]
_CHATTER = [
    "Livraison en main propre Paris / Lyon uniquement.",
    "Nouveau stock cette semaine, restez connectés.",
    "Attention aux faux comptes qui se font passer pour nous. Seul contact officiel ci-dessous.",
    "Pas de réponse aux messages vocaux.",
    "Merci à tous pour votre confiance 🙏",
    "Canal de secours si celui-ci saute : restez attentifs.",
]


def _entities_text(parts: list[Any]) -> tuple[Any, list[dict[str, str]]]:
    """Telegram Desktop writes plain messages as a string, rich ones as a list of parts."""
    entities = [p if isinstance(p, dict) else {"type": "plain", "text": p} for p in parts]
    if all(isinstance(p, str) for p in parts):
        return "".join(parts), entities
    return parts, entities


def build_channel(
    rng: random.Random, name: str, channel_id: int, start: datetime, end: datetime, n_messages: int,
    contact: str, payment_xmr: str, corrupted: list[str], placed: list[tuple[str, int]],
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The export as a dict, and the ground-truth label of each message.

    Corrupted addresses are consumed from `corrupted`; each one used is appended to `placed`
    with the id of the message that shows it.
    """
    from_id = f"channel{channel_id}"
    step = (end - start) / max(1, n_messages)
    messages: list[dict[str, Any]] = []
    truth: list[dict[str, Any]] = []
    when = start
    for mid in range(1, n_messages + 1):
        when = start + step * (mid - 1) + timedelta(seconds=rng.randrange(0, max(1, int(step.total_seconds() * 0.8))))
        when = when.replace(microsecond=0)
        base = {"id": mid, "type": "message", "date": when.strftime("%Y-%m-%dT%H:%M:%S"),
                "date_unixtime": str(int(when.replace(tzinfo=UTC).timestamp()))}
        if mid == 1 or rng.random() < 0.04:
            action = "create_channel" if mid == 1 else rng.choice(["pin_message", "edit_chat_photo", "edit_chat_title"])
            msg = {**base, "type": "service", "actor": name, "actor_id": from_id, "action": action}
            if action == "create_channel":
                msg["title"] = name
            elif action == "pin_message":
                msg["message_id"] = max(1, mid - rng.randrange(1, 5))
            elif action == "edit_chat_title":
                msg["title"] = name
            msg["text"] = ""
            msg["text_entities"] = []
            messages.append(msg)
            truth.append({"id": mid, "type": "service", "label": None, "sublabel": None})
            continue
        msg = {**base, "from": name, "from_id": from_id}
        label = sublabel = None
        if rng.random() < 0.65:
            label, sublabel, tpl, (lo, hi) = rng.choice(_OFFERS)
            pistol, rifle = rng.choice(PISTOLS), rng.choice(RIFLES)
            acal = rng.choice(["9x19", "7.62x39", ".45 ACP"])
            amount = rng.randrange(lo, hi) // 10 * 10
            item = tpl.format(
                pistol=pistol[0], rifle=rifle[0], acal=rng.choice(CALIBRE_SPELLINGS[acal]),
                n=rng.choice([50, 100, 250]), g=rng.choice([5, 10, 25, 50]),
                price=fmt_number(amount, 0, " ", ",") + " €",
            )
            parts: list[Any] = ["🔥 ", {"type": "bold", "text": "ARRIVAGE"}, f" 🔥\n{item}\n"]
            if rng.random() < 0.7:
                parts += ["Contact : ", {"type": "mention", "text": f"@{contact}"}]
            if rng.random() < 0.3:
                parts += [f"\nPaiement XMR : {payment_xmr}"]
            if rng.random() < 0.2:
                parts += ["\nCatalogue : ", {"type": "link", "text": f"https://t.me/{contact}"}]
        else:
            parts = [rng.choice(_CHATTER)]
            if rng.random() < 0.3:
                parts += ["\nContact officiel : ", {"type": "mention", "text": f"@{contact}"}]
        if corrupted and mid % 97 == 0:
            bad = corrupted.pop()
            placed.append((bad, mid))
            parts += [f"\nNouvelle adresse BTC : {bad}"]
        msg["text"], msg["text_entities"] = _entities_text(parts)
        if mid > 5 and rng.random() < 0.1:
            msg["reply_to_message_id"] = mid - rng.randrange(1, 5)
        if rng.random() < 0.1:
            edited = when + timedelta(minutes=rng.randrange(1, 90))
            msg["edited"] = edited.strftime("%Y-%m-%dT%H:%M:%S")
            msg["edited_unixtime"] = str(int(edited.replace(tzinfo=UTC).timestamp()))
        messages.append(msg)
        truth.append({"id": mid, "type": "message", "label": label, "sublabel": sublabel})
    export = {"name": name, "type": "public_channel", "id": channel_id, "messages": messages}
    return export, truth
