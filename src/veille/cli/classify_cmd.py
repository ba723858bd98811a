"""CLI commands of the classify stage: classify, train, evaluate, label, labels import."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from veille.cli import app

CaseOpt = Annotated[
    Path | None,
    typer.Option("--case", help="Case folder (default: $VEILLE_CASE or ./veille-case).",
                 show_default=False),
]
ModelOpt = Annotated[
    Path | None,
    typer.Option("--model", help="Model folder (default: $VEILLE_MODEL_DIR or the shipped model).",
                 show_default=False),
]
MAX_LINE = 5_000_000  # bytes; a longer JSONL line is reported and skipped

labels_app = typer.Typer(help="Analyst labels (corrections used by the next `veille train`).",
                         no_args_is_help=True)
app.add_typer(labels_app, name="labels")


def _err(line: str) -> None:
    typer.echo(line, err=True)


def _load_model(model: Path | None):  # type: ignore[no-untyped-def]
    from veille.classify import default_model_dir, load

    directory = model or default_model_dir()
    try:
        return load(directory)
    except (OSError, ValueError, KeyError) as exc:
        _err(f"error: cannot load model from {directory}: {exc}")
        raise typer.Exit(2) from exc


@app.command()
def classify(
    file: Annotated[str, typer.Argument(help="JSONL file with id, text (and title), or - for stdin.")],
    model: ModelOpt = None,
    batch: Annotated[int, typer.Option(help="Items per prediction batch.")] = 512,
) -> None:
    """Label JSONL items (id, title, text) with the taxonomy; writes JSONL to standard output."""
    clf = _load_model(model)
    name = "<stdin>" if file == "-" else file
    try:
        fh = sys.stdin.buffer if file == "-" else open(file, "rb")  # noqa: SIM115
    except OSError as exc:
        _err(f"error: {name}: {exc}")
        raise typer.Exit(2) from exc
    out = sys.stdout
    ids: list[str] = []
    items: list[tuple[str, str]] = []
    bad = 0

    def flush() -> None:
        for rid, p in zip(ids, clf.predict(items), strict=True):
            out.write(json.dumps({"id": rid, "label": p.label, "sublabel": p.sublabel,
                                  "score": p.score, "review": p.review,
                                  "model": clf.version}, ensure_ascii=False) + "\n")
        ids.clear()
        items.clear()

    with fh:
        for n, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            if len(raw) > MAX_LINE:
                _err(f"warning: {name}:{n}: line of {len(raw)} bytes is over {MAX_LINE}, skipped")
                bad += 1
                continue
            try:
                obj = json.loads(raw.decode("utf-8", errors="replace"))
                if not isinstance(obj, dict):
                    raise ValueError("not a JSON object")
                rid = obj.get("id")
                if rid is None:
                    raise ValueError("no 'id'")
                title, text = obj.get("title") or "", obj.get("text") or ""
                if not isinstance(title, str) or not isinstance(text, str):
                    raise ValueError("'title' and 'text' must be strings")
            except ValueError as exc:
                _err(f"warning: {name}:{n}: {exc}; skipped")
                bad += 1
                continue
            ids.append(str(rid))
            items.append((title, text))
            if len(items) >= batch:
                flush()
        if items:
            flush()
    if bad:
        _err(f"{bad} line(s) skipped")


def _open_store(case: Path | None):  # type: ignore[no-untyped-def]
    from veille.store.db import CaseStore

    return CaseStore.open(case)


def _record_text(conn, record_id: str) -> tuple[str, str, str] | None:  # type: ignore[no-untyped-def]
    """(record_type, title, text) of a listing, post or message in the case, or None."""
    import sqlalchemy as sa

    from veille.store import schema

    for rtype, table, title_col, text_col in (
        ("listing", schema.listings, "title", "description"),
        ("post", schema.posts, "thread", "text"),
        ("message", schema.messages, None, "text"),
    ):
        cols = [table.c[text_col]] + ([table.c[title_col]] if title_col else [])
        row = conn.execute(sa.select(*cols).where(table.c.id == record_id)).first()
        if row is not None:
            return rtype, (row[1] if title_col else "") or "", row[0] or ""
    return None


def _insert_corrections(store, rows, source: str) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from veille.store import schema

    now = datetime.now(UTC).isoformat(timespec="seconds")
    added, missing = 0, []
    with store.engine.begin() as conn:
        for r in rows:
            found = _record_text(conn, r.record_id)
            if found is None:
                missing.append(r.record_id)
                continue
            conn.execute(schema.corrections.insert().values(
                record_id=r.record_id, record_type=found[0], label=r.label, sublabel=r.sublabel,
                note=r.note, source=source, created_at=now))
            added += 1
    return added, missing


@app.command()
def label(
    record_id: Annotated[str, typer.Argument(metavar="ID", help="Listing, post or message id.")],
    label_name: Annotated[str, typer.Argument(metavar="LABEL", help="Label or label.sublabel.")],
    sublabel: Annotated[str | None, typer.Option(help="Sublabel, e.g. firearms.converted.")] = None,
    note: Annotated[str | None, typer.Option(help="Why (kept with the correction).")] = None,
    case: CaseOpt = None,
) -> None:
    """Record an analyst's label for a record; the next `veille train` learns from it."""
    from veille.classify.corrections import LabelRow, validate_label
    from veille.classify.lexicon import default_taxonomy

    try:
        lab, sub = validate_label(label_name, sublabel, default_taxonomy())
    except ValueError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2) from exc
    store = _open_store(case)
    try:
        added, missing = _insert_corrections(store, [LabelRow(record_id, lab, sub, note)], "cli")
    finally:
        store.close()
    if missing:
        _err(f"error: no listing, post or message with id {record_id!r} in this case")
        raise typer.Exit(1)
    typer.echo(f"{record_id}: {sub or lab}")


@labels_app.command("import")
def labels_import(
    file: Annotated[Path, typer.Argument(help="CSV with header id,label[,sublabel,note].")],
    case: CaseOpt = None,
) -> None:
    """Import analyst labels from a CSV file into the case's corrections."""
    from veille.classify.corrections import parse_labels_csv
    from veille.classify.lexicon import default_taxonomy

    try:
        data = file.read_bytes().decode("utf-8-sig", errors="replace")
    except OSError as exc:
        _err(f"error: {file}: {exc}")
        raise typer.Exit(2) from exc
    rows, problems = parse_labels_csv(data, default_taxonomy())
    for p in problems:
        _err(f"warning: {file}: {p}")
    store = _open_store(case)
    try:
        added, missing = _insert_corrections(store, rows, f"csv:{file.name}")
    finally:
        store.close()
    for rid in missing:
        _err(f"warning: {file}: id {rid!r} is not a record of this case; skipped")
    typer.echo(f"{added} label(s) imported, {len(problems) + len(missing)} skipped")


def _corrections_examples(case: Path | None):  # type: ignore[no-untyped-def]
    import sqlalchemy as sa

    from veille.classify.corrections import examples_from_corrections
    from veille.store import schema

    store = _open_store(case)
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(sa.select(schema.corrections).order_by(
                schema.corrections.c.id.desc())).mappings().all()
            full = []
            for r in rows:
                found = _record_text(conn, r["record_id"])
                if found is not None:
                    full.append({**r, "title": found[1], "text": found[2]})
        return examples_from_corrections(full), store.settings.case_dir
    finally:
        store.close()


@app.command()
def train(
    case: CaseOpt = None,
    out: Annotated[Path | None, typer.Option(help="Where to write the model (default: <case>/model).")] = None,
    markets: Annotated[str, typer.Option(help="Comma-separated shared-data markets to train on.")] =
        "agora,whm,dream,duta,armslist",
    corrections: Annotated[bool, typer.Option(help="Use the case's analyst corrections.")] = True,
    version: Annotated[str | None, typer.Option(help="Version string stored in the model.")] = None,
) -> None:
    """Train the classifier on the shared data, our seed set and the case's corrections."""
    import time

    from veille.classify.datasets import MARKETS, shared_data_dir
    from veille.classify.lexicon import default_taxonomy
    from veille.classify.training import TrainConfig
    from veille.classify.training import train as run_train

    chosen = [m.strip() for m in markets.split(",") if m.strip()]
    unknown = [m for m in chosen if m not in MARKETS]
    if unknown:
        _err(f"error: unknown market(s) {unknown}; known: {', '.join(MARKETS)}")
        raise typer.Exit(2)
    if chosen and not shared_data_dir().exists():
        _err(f"error: shared data not found at {shared_data_dir()} (set VEILLE_SHARED_DATA)")
        raise typer.Exit(2)
    examples, case_dir = [], None
    if corrections or out is None:
        examples, case_dir = _corrections_examples(case)
    if not corrections:
        examples = []
    target = out or (case_dir / "model")
    t0 = time.time()
    weights = run_train(default_taxonomy(), TrainConfig(), chosen, corrections=examples)
    weights.meta["version"] = version or time.strftime("veille-lex-ngram-%Y%m%d-%H%M%S")
    info = weights.save(target)
    typer.echo(f"trained on {json.dumps(info['trained_on'])} in {time.time() - t0:.1f} s")
    typer.echo(f"model written to {target} (version {weights.meta['version']})")
    if out is None:
        typer.echo("`veille process` on this case now labels with it (a new model version "
                   "re-processes every capture)")


@app.command()
def evaluate(
    model: ModelOpt = None,
    test: Annotated[Path | None, typer.Option(help="Test TSV (lang, label, title, text).")] = None,
    cross_market: Annotated[bool, typer.Option(
        "--cross-market", help="Retrain leaving each market out and score it (minutes).")] = False,
    open_sealed: Annotated[bool, typer.Option(
        "--open-sealed", help="With --cross-market: also score the sealed Agora vendor slice "
        "(kept out of all tuning; every look makes it less blind).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Per-class precision, recall, F1 and confusion matrix on the multilingual test set."""
    from veille.classify.experiments import (
        held_out_results,
        load_audit,
        lomo,
        multilingual,
        multilingual_test_path,
    )
    from veille.classify.lexicon import default_taxonomy

    clf = _load_model(model)
    result: dict = {"model": clf.version}
    test = test or multilingual_test_path()
    if not test.exists():
        _err(f"error: test set {test} not found (pass --test FILE)")
        raise typer.Exit(2)
    try:
        ml = multilingual(clf, test)
    except (OSError, ValueError, KeyError) as exc:
        _err(f"error: {test}: {exc}")
        raise typer.Exit(2) from exc
    result["multilingual"] = {k: v.to_json() for k, v in ml.items()}
    if not as_json:
        typer.echo(f"model {clf.version} - multilingual test set")
        typer.echo(ml["all"].format())
        typer.echo("macro-F1 by language: " + ", ".join(
            f"{k} {v.macro_f1:.3f}" for k, v in ml.items() if k not in ("all",)))
    if cross_market:
        res = lomo(default_taxonomy(), open_sealed=open_sealed, audit=load_audit())
        result["cross_market"] = {m: {k: r.to_json() for k, r in v.items()} for m, v in res.items()}
        if not as_json:
            typer.echo("\nleave-one-market-out (train without the market, test on it):")
            typer.echo(f"{'held out':<10} {'n':>6} {'acc':>6} {'macroF1':>8} {'acc titles':>11}")
            for m, v in held_out_results(res).items():
                typer.echo(f"{m:<10} {v['full'].n:>6} {v['full'].accuracy:>6.3f} "
                           f"{v['full'].macro_f1:>8.3f} {v['titles'].accuracy:>11.3f}")
            typer.echo("\npooled out-of-market predictions (sealed slice excluded):")
            typer.echo(res["pooled"]["full"].format())
            if "sealed" in res:
                typer.echo("\nsealed Agora slice, model trained without Agora:")
                typer.echo(res["sealed"]["full"].format())
            for key, what in (("audited", "audited sample of the unsealed rows"),
                              ("sealed audited", "sealed Agora slice")):
                if key in res:
                    typer.echo(f"\n{what}, gold by the definitions (data/audit_labels.csv):")
                    typer.echo(res[key]["full"].format())
    if as_json:
        typer.echo(json.dumps(result, indent=2))
