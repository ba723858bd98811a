"""Cross-site identities in _truth.json are really shared on the pages, and namesakes are not."""

from __future__ import annotations

import json

from tests.demo.test_identifiers import _fingerprints_in


def _vendor(truth, site, name):
    matches = [v for v in truth["vendors"] if v["site"] == site and v["name"] == name]
    assert len(matches) == 1, (site, name)
    return matches[0]


def test_identity_groups_share_the_stated_identifier_in_the_html(corpus):
    out, _, truth = corpus
    groups = truth["identity_groups"]
    assert len(groups) >= 8
    kinds = {g["shared"]["kind"] for g in groups}
    assert kinds >= {"pgp", "btc", "xmr", "telegram", "wickr"}
    market_sites = {s for s, info in truth["sites"].items() if info["kind"] == "market"}
    for g in groups:
        value = g["shared"]["value"]
        markets = [m for m in g["members"] if m["site"] in market_sites]
        assert len(markets) >= 2
        assert len({m["site"] for m in markets}) == len(markets), "one persona per market"
        assert len({m["name"] for m in markets}) == len(markets), "personas use different names"
        for m in g["members"]:
            if m["site"] in market_sites:
                v = _vendor(truth, m["site"], m["name"])
                assert v["actor"] == g["actor"]
                html = (out / v["path"]).read_text(encoding="utf-8")
                if g["shared"]["kind"] == "pgp":
                    assert _fingerprints_in(html) == [value]
                else:
                    assert value in html, (g["group"], m)
            elif truth["sites"][m["site"]]["kind"] == "telegram":
                export = (out / truth["sites"][m["site"]]["folder"] / "result.json").read_text(encoding="utf-8")
                assert f"@{value}" in export
            else:
                posts = [p for p in truth["posts"] if p["author"] == m["name"]]
                assert posts
                assert any(value in (out / p["path"]).read_text(encoding="utf-8") for p in posts)


def test_identifiers_outside_groups_are_not_shared_across_actors(corpus):
    _, _, truth = corpus
    owners: dict[str, set[str]] = {}
    for v in truth["vendors"]:
        ids = [a["address"] for a in v["addresses"]] + list(v["handles"].values())
        if v["pgp_fingerprint"]:
            ids.append(v["pgp_fingerprint"])
        for i in ids:
            owners.setdefault(i, set()).add(v["actor"])
    assert all(len(actors) == 1 for actors in owners.values())


def test_namesakes_are_different_actors_with_the_same_name(corpus):
    _, _, truth = corpus
    assert truth["namesakes"]
    for n in truth["namesakes"]:
        a, b = (_vendor(truth, m["site"], n["name"]) for m in n["members"])
        assert a["actor"] != b["actor"]
        assert a["pgp_fingerprint"] is None or a["pgp_fingerprint"] != b["pgp_fingerprint"]


def test_declared_also_on_lines_point_to_a_real_persona(corpus):
    out, _, truth = corpus
    declared = [v for v in truth["vendors"] if v["also_on"]]
    assert declared
    for v in declared:
        for other in v["also_on"]:
            target = _vendor(truth, other["site"], other["name"])
            assert target["actor"] == v["actor"]
            assert other["name"] in (out / v["path"]).read_text(encoding="utf-8")
    assert json.dumps(truth["identity_groups"])
