"""A French collectors' forum in a phpBB-like layout: collector talk, and some sale offers.

Sale threads mix legal offers (certified deactivated collectors' items, airsoft) with illegal
ones (weapons "remis en état de tir", cartridges); the ground truth labels each post.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from veille.demo.actors import Site
from veille.demo.catalog import CALIBRE_SPELLINGS, DEACTIVATED, PISTOLS, RIFLES
from veille.demo.common import esc, fmt_number

_DAYS = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
_MONTHS = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]
SUBFORUMS = {3: "Armes neutralisées", 5: "Petites annonces", 7: "Identification & marquages", 9: "Réglementation"}
_USERS = ["Grognard1914", "collec_mas36", "Le_Poilu", "SergentChef", "Bibi_militaria", "Mauser_fan",
          "Capitaine_Fracasse", "vieux_briscard", "Tirailleur69", "Hussard_noir", "Dragon_5e", "Voltigeur",
          "Chasseur_alpin", "Fusilier_marin", "Artilleur_57", "Zouave_du_Nord", "Spahi", "Cuirassier"]

_DISCUSS = [
    ("Identification d'un marquage sur {deact}", 7, [
        "Bonjour à tous, j'ai hérité d'un {deact} avec un marquage que je n'arrive pas à identifier. Une idée ?",
        "Le poinçon indique une fabrication d'époque, superbe pièce.", "Tu peux poster une photo de la culasse ?",
        "D'après mon livre de référence, c'est un marquage de réception militaire.", "Merci pour les infos, très instructif !"]),
    ("Votre avis sur la réglementation catégorie C", 9, [
        "Depuis le dernier décret, les neutralisées doivent avoir le certificat UE. Vous avez fait régulariser les vôtres ?",
        "Oui, passage au banc d'épreuve de Saint-Étienne, trois mois d'attente.", "Attention aux vieilles neutras sans certificat, elles ne se vendent plus.",
        "La déclaration en préfecture reste obligatoire pour certaines catégories.", "Merci, c'est clair."]),
    ("Bourse aux armes de {city} : qui y va ?", 5, [
        "La bourse de {city} a lieu le mois prochain, quelqu'un y va ?", "J'y serai samedi avec quelques pièces neutralisées.",
        "Toujours des belles choses là-bas, et des prix raisonnables.", "On se retrouve au stand des militaria !"]),
    ("Entretien d'une arme neutralisée", 3, [
        "Comment conservez-vous vos neutras pour éviter la rouille ?", "Un chiffon gras et un endroit sec, rien de plus.",
        "Évite les housses en plastique, ça garde l'humidité.", "Merci pour les conseils."]),
]
_CITIES = ["Paris", "Lyon", "Lille", "Bordeaux", "Strasbourg"]

_SALES = [
    ("other", "other.deactivated_certified", "[VENDS] {deact} neutralisé avec certificat UE", 3,
     "Vends {deact} neutralisé aux normes UE, certificat du banc d'épreuve fourni. {price}. Remise en main propre à la bourse ou envoi."),
    ("other", "other.airsoft", "[VENDS] Réplique airsoft M4 + 3 chargeurs", 5,
     "Vends réplique airsoft M4, 1 joule, trois chargeurs mid-cap. {price}, frais de port en sus."),
    ("firearms", "firearms.reactivated", "[VENDS] {rifle} remis en état de tir", 5,
     "Dispo : {rifle} remis en état de tir, fonctionne parfaitement. {price}. Pas de papiers, MP uniquement."),
    ("firearms", "firearms.reactivated", "[VENDS] {pistol} réactivé + chargeur", 5,
     "{pistol} ancien neutralisé, remis en état de tir, un chargeur. {price}. Contact en MP."),
    ("ammunition", "ammunition.cartridges", "[VENDS] Lot de cartouches {acal}", 5,
     "Lot de {n} cartouches {acal}, boîtes d'origine. {price} le lot. Sans permis, discrétion assurée."),
    ("firearms", "firearms.handgun", "[VENDS] {pistol} sans papiers", 5,
     "Vends {pistol} en calibre {cal}, état correct, sans papiers. {price}. Me contacter en privé."),
]
_REPLIES_SALE = ["MP envoyé.", "Toujours dispo ?", "Vendu ?", "Belle pièce, dommage que je n'aie plus de place.",
                 "Prix négociable ?", "Up !"]
_REPLIES_ILLEGAL = ["Attention, ce genre d'annonce est illégal ici. Modération ?",
                    "On n'est pas sur ce genre de forum, merci de supprimer.", "Signalé aux modos."]


@dataclass
class ForumPost:
    pid: int
    author: str
    when: datetime
    text: str
    label: str | None
    sublabel: str | None


def post_date(dt: datetime) -> str:
    return f"{_DAYS[dt.weekday()]} {dt.day:02d} {_MONTHS[dt.month - 1]} {dt.year} {dt.hour:02d}:{dt.minute:02d}"


def french_price(amount: float) -> str:
    return fmt_number(amount, 0, " ", ",") + " €"


def build_thread(
    rng: random.Random, tid: int, first_pid: int, start: datetime, seller: tuple[str, str] | None,
    contact_lines: list[str],
) -> tuple[str, int, list[ForumPost]]:
    """One thread: (topic title, sub-forum id, posts). `seller` forces a sale thread by that user."""
    posts: list[ForumPost] = []
    pistol = rng.choice(PISTOLS)
    rifle = rng.choice(RIFLES)
    deact = rng.choice(DEACTIVATED)
    acal = rng.choice(["9x19", "7.62x39", "7.62x54R", "12"])
    values = {
        "deact": deact[0], "rifle": rifle[0], "pistol": pistol[0],
        "cal": rng.choice(CALIBRE_SPELLINGS[pistol[2]]), "acal": rng.choice(CALIBRE_SPELLINGS[acal]),
        "n": str(rng.choice([50, 100, 200, 500])), "city": rng.choice(_CITIES),
    }
    when = start
    if seller is not None or rng.random() < 0.5:
        label, sublabel, title_tpl, forum, body_tpl = rng.choice(_SALES)
        amount = {"other.deactivated_certified": (350, 1200), "other.airsoft": (120, 300),
                  "ammunition.cartridges": (60, 400)}.get(sublabel, (700, 2200))
        values["price"] = french_price(rng.randrange(*amount) // 10 * 10)
        author = seller[0] if seller else rng.choice(_USERS)
        body = body_tpl.format(**values)
        if seller is not None:
            body += f" Wickr : {seller[1]}"
        elif contact_lines and rng.random() < 0.4:
            body += " " + rng.choice(contact_lines)
        title = title_tpl.format(**values)
        posts.append(ForumPost(first_pid, author, when, body, label, sublabel))
        illegal = label != "other"
        for i in range(rng.randrange(2, 8)):
            when += timedelta(minutes=rng.randrange(20, 3000))
            pool = _REPLIES_ILLEGAL + _REPLIES_SALE if illegal else _REPLIES_SALE
            posts.append(ForumPost(first_pid + 1 + i, rng.choice(_USERS), when, rng.choice(pool), None, None))
    else:
        title_tpl, forum, lines = rng.choice(_DISCUSS)
        title = title_tpl.format(**values)
        for i, line in enumerate(lines[: rng.randrange(3, len(lines) + 1)]):
            posts.append(ForumPost(first_pid + i, rng.choice(_USERS), when, line.format(**values), None, None))
            when += timedelta(minutes=rng.randrange(30, 4000))
    return title, forum, posts


def render_thread(site: Site, tid: int, title: str, forum: int, posts: list[ForumPost], rng: random.Random) -> str:
    out = [
        '<!DOCTYPE html>\n<html dir="ltr" lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{esc(title)} - {esc(site.display)}</title>\n</head>\n<body id=\"phpbb\">\n"
        f'<div class="navbar"><a href="./index.php">Index du forum</a> ‹ '
        f'<a class="forum-link" href="./viewforum.php?f={forum}">{esc(SUBFORUMS[forum])}</a></div>\n'
        f'<h2 class="topic-title"><a href="./viewtopic.php?t={tid}">{esc(title)}</a></h2>\n'
    ]
    for i, p in enumerate(posts):
        uid = 100 + sum(map(ord, p.author)) % 900
        subject = title if i == 0 else f"Re: {title}"
        out.append(
            f'<div id="p{p.pid}" class="post {"bg2" if i % 2 else "bg1"}">\n<div class="postbody">\n'
            f'<h3><a href="#p{p.pid}">{esc(subject)}</a></h3>\n'
            f'<p class="author">par <strong><a class="username" href="./memberlist.php?mode=viewprofile&amp;u={uid}">{esc(p.author)}</a></strong>'
            f' » <span class="post-date" data-time="{p.when.strftime("%Y-%m-%dT%H:%M:%S")}">{post_date(p.when)}</span></p>\n'
            f'<div class="content">{esc(p.text)}</div>\n</div>\n'
            f'<dl class="postprofile"><dt><a class="username" href="./memberlist.php?mode=viewprofile&amp;u={uid}">{esc(p.author)}</a></dt>'
            f'<dd class="profile-posts"><strong>Messages :</strong> {10 + uid % 700}</dd></dl>\n</div>\n'
        )
    out.append('<div class="copyright">Propulsé par phpBB</div>\n</body>\n</html>\n')
    return "".join(out)
