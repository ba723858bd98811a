"""Listing -> sparse feature vector.

Three kinds of features share one hashed space:
- word unigrams and bigrams (what a market calls a thing),
- character 3-5-grams (obfuscations, inflections, and cognates across languages:
  pistol/pistola/pistolet/Pistole share most of their n-grams),
- lexicon hits as pseudo-words ("L:firearms.converted"), so that a weight learnt from English
  market data carries over to every language the lexicon covers.

Throughput matters (the pipeline runs this on every listing, post and message), so n-grams are
not built as Python strings: the whole batch becomes one array of code points and every n-gram
and word gets a polynomial hash computed with numpy prefix sums (mod 2**64 by uint64 wrap-around).
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
from scipy import sparse

from veille.classify.lexicon import Taxonomy
from veille.classify.normalize import normalize

_P = np.uint64(1_000_003)
_P_INV = np.uint64(pow(1_000_003, -1, 2**64))
_MIX = np.uint64(0x9E3779B97F4A7C15)


@dataclass(frozen=True)
class FeatureConfig:
    n_features: int = 2**19
    title_chars: int = 300
    # Listings put the product first; the tail is shipping/terms boilerplate. 400 rather than
    # model 3's 600: same leave-one-market-out macro-F1 (0.786 vs 0.787), ~25 % faster on long text.
    text_chars: int = 400
    char_min: int = 3
    char_max: int = 5
    title_weight: float = 2.0
    text_weight: float = 0.5
    none_token: bool = False
    text_char_ngrams: bool = False  # prose n-grams learnt "long description = eBay = other"
    lexicon_weight: float = 3.0  # lexicon pseudo-words outweigh any single n-gram

    def to_json(self) -> dict:
        return asdict(self)


HEAD_CHARS = 120


def text_head(text: str) -> str:
    """The first line of a text without a title (a forum post, a message, a bare description),
    cut at a word within HEAD_CHARS. The definition rules read the title ("a gun named in the
    title", "cartridges boxed in the title"); with no title at all every "title lacks X"
    condition held and "Munitions 9mm boîte de 50" sent as text alone became firearms."""
    line = next((ln.strip() for ln in text[:2000].splitlines() if ln.strip()), "")
    if len(line) <= HEAD_CHARS:
        return line
    cut = line.rfind(" ", 0, HEAD_CHARS)
    return line[: cut if cut > 0 else HEAD_CHARS]


@dataclass
class Analysed:
    title: str
    text: str
    sub_hits: dict[str, float]
    title_hits: dict[str, float]


def _powers(n: int, base: np.uint64) -> np.ndarray:
    out = np.empty(n, dtype=np.uint64)
    out[0] = 1
    if n > 1:
        out[1:] = base
        with np.errstate(over="ignore"):
            out = np.multiply.accumulate(out, dtype=np.uint64)
    return out


def _prefix_hashes(segs: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """One buffer " seg " per segment, separated by NUL: code points, segment index of each
    position, prefix hashes H and powers pw, so that the hash of codes[a:b] is
    H[b] - H[a] * pw[b - a] (mod 2**64 by uint64 wrap-around)."""
    joined = "\x00 " + " \x00 ".join(segs) + " \x00"
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(codes)
    seg_id = np.cumsum(codes == 0) - 1
    # H[i] = P^i * sum_{j<i} c[j] * Pinv^j = sum_{j<i} c[j] * P^(i-j).
    pinv = _powers(n + 1, _P_INV)
    pw = _powers(n + 1, _P)
    with np.errstate(over="ignore"):
        acc = np.concatenate(([np.uint64(0)], np.cumsum(codes * pinv[:n], dtype=np.uint64)))
        H = pw * acc
    return codes, seg_id, H, pw


def _span_buckets(H: np.ndarray, pw: np.ndarray, a: np.ndarray, b: np.ndarray, salt: int,
                  n_features: int) -> np.ndarray:
    """Feature column of each span codes[a:b] (prefix hashes from _prefix_hashes); `salt` keeps
    character n-grams, words and bigrams apart. Call under np.errstate(over="ignore")."""
    h = (H[b] - H[a] * pw[b - a]) * _MIX + np.uint64(salt)
    return ((h >> np.uint64(23)) % np.uint64(n_features)).astype(np.int64)


class Featurizer:
    def __init__(self, taxonomy: Taxonomy, config: FeatureConfig | None = None) -> None:
        self.tax = taxonomy
        self.cfg = config or FeatureConfig()
        self._lex_cache: dict[str, int] = {}

    def analyse(self, title: str, text: str) -> Analysed:
        cfg = self.cfg
        if not (title or "").strip() and text:
            title = text_head(text)
        t = self.tax.mask(normalize((title or "")[: cfg.title_chars]))
        x = self.tax.mask(normalize((text or "")[: cfg.text_chars]))
        if t and x.startswith(t):
            x = x[len(t):].lstrip()  # many exports repeat the title at the top of the text
        title_hits = self.tax.sublabel_hits(t) if t else {}
        text_hits = self.tax.sublabel_hits(x) if x else {}
        sub_hits = dict(title_hits)
        for k, v in text_hits.items():
            sub_hits[k] = sub_hits.get(k, 0.0) + v
        return Analysed(t, x, sub_hits, title_hits)

    def _lex_index(self, token: str) -> int:
        idx = self._lex_cache.get(token)
        if idx is None:
            idx = zlib.crc32(token.encode()) % self.cfg.n_features
            self._lex_cache[token] = idx
        return idx

    def transform(self, items: Sequence[tuple[str, str]]) -> tuple[sparse.csr_matrix, list[Analysed]]:
        cfg = self.cfg
        analysed = [self.analyse(t or "", x or "") for t, x in items]
        n_docs = len(analysed)
        # One string for the batch: " seg " per field, fields separated by "\x00".
        segs: list[str] = []
        seg_doc: list[int] = []
        seg_w: list[float] = []
        seg_is_title: list[bool] = []
        for i, a in enumerate(analysed):
            if a.title:
                segs.append(a.title)
                seg_doc.append(i)
                seg_w.append(cfg.title_weight)
                seg_is_title.append(True)
            if a.text:
                segs.append(a.text)
                seg_doc.append(i)
                seg_w.append(cfg.text_weight)
                seg_is_title.append(False)
        rows_parts: list[np.ndarray] = []
        cols_parts: list[np.ndarray] = []
        vals_parts: list[np.ndarray] = []
        if segs:
            seg_w_arr = np.asarray(seg_w, dtype=np.float32)
            seg_doc_arr = np.asarray(seg_doc, dtype=np.int64)
            # Character n-grams are taken from titles only (unless text_char_ngrams): hashing
            # them over a buffer of titles alone, not over every description character, is what
            # keeps long descriptions fast. A span's hash does not depend on its position, so the
            # features are the same either way.
            if cfg.text_char_ngrams:
                char_segs = list(range(len(segs)))
            else:
                char_segs = [j for j, is_t in enumerate(seg_is_title) if is_t]
            if char_segs:
                codes, seg_id, H, pw = _prefix_hashes([segs[j] for j in char_segs])
                n = len(codes)
                char_seg_map = np.asarray(char_segs, dtype=np.int64)
                with np.errstate(over="ignore"):
                    for k in range(cfg.char_min, cfg.char_max + 1):
                        starts = np.arange(0, n - k + 1)
                        ends = starts + k
                        ok = ((seg_id[starts] == seg_id[ends - 1]) & (codes[starts] != 0)
                              & (codes[ends - 1] != 0))
                        starts, ends = starts[ok], ends[ok]
                        sid = char_seg_map[seg_id[starts]]
                        rows_parts.append(seg_doc_arr[sid])
                        cols_parts.append(_span_buckets(H, pw, starts, ends, k, cfg.n_features))
                        vals_parts.append(seg_w_arr[sid])
            codes, seg_id, H, pw = _prefix_hashes(segs)
            with np.errstate(over="ignore"):
                # Words and word bigrams: spans between spaces.
                space = np.flatnonzero(codes == 32)
                w_start = space[:-1] + 1
                w_end = space[1:]
                ok = (w_end > w_start) & (codes[w_start] != 0)
                w_start, w_end = w_start[ok], w_end[ok]
                sid = seg_id[w_start]
                rows_parts.append(seg_doc_arr[sid])
                cols_parts.append(_span_buckets(H, pw, w_start, w_end, 101, cfg.n_features))
                vals_parts.append(seg_w_arr[sid])
                same = sid[:-1] == sid[1:]
                bsid = sid[:-1][same]
                rows_parts.append(seg_doc_arr[bsid])
                cols_parts.append(_span_buckets(H, pw, w_start[:-1][same], w_end[1:][same], 202,
                                                cfg.n_features))
                vals_parts.append(seg_w_arr[bsid])
        # Lexicon pseudo-words.
        lr: list[int] = []
        lc: list[int] = []
        for i, a in enumerate(analysed):
            toks: list[str] = []
            for sub in a.sub_hits:
                if sub.startswith("~"):
                    toks.append(f"L:{sub}")
                    continue
                lab = sub.split(".", 1)[0]
                toks += [f"L:{sub}", f"L:{lab}"]
                if sub in a.title_hits:
                    toks.append(f"LT:{lab}")
            if self.cfg.none_token and not toks:
                toks.append("L:none")
            for tok in toks:
                lr.append(i)
                lc.append(self._lex_index(tok))
        rows_parts.append(np.asarray(lr, dtype=np.int64))
        cols_parts.append(np.asarray(lc, dtype=np.int64))
        vals_parts.append(np.full(len(lr), cfg.lexicon_weight, dtype=np.float32))
        X = sparse.csr_matrix(
            (np.concatenate(vals_parts), (np.concatenate(rows_parts), np.concatenate(cols_parts))),
            shape=(n_docs, cfg.n_features), dtype=np.float32)
        X.sum_duplicates()
        # Sublinear counts, then unit length: long pages must not outvote short titles.
        np.log1p(X.data, out=X.data)
        per_row = np.diff(X.indptr)
        sq = np.bincount(np.repeat(np.arange(n_docs), per_row), weights=X.data.astype(np.float64) ** 2,
                         minlength=n_docs)
        norms = np.sqrt(sq).astype(np.float32)
        norms[norms == 0] = 1.0
        X.data /= np.repeat(norms, np.diff(X.indptr))
        return X, analysed
