"""The shipped linear model: safe on-disk format (JSON + .npz of numbers, never pickle).

Weights are pruned to the hashed columns that matter and stored as int8 with one scale per
class, which keeps model/weights.npz under the repository's 2 MB per-file limit; at load time
they are scattered back into a dense (n_features x n_labels) float32 matrix for fast sparse x
dense products.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from veille.classify.features import FeatureConfig

FORMAT = "veille-linear-v1"


@dataclass
class LinearWeights:
    labels: list[str]
    W: np.ndarray  # (n_features, n_labels) float32
    b: np.ndarray  # (n_labels,) float32
    features: FeatureConfig
    meta: dict

    def save(self, directory: Path, max_columns: int = 400_000) -> dict:
        directory.mkdir(parents=True, exist_ok=True)
        strength = np.abs(self.W).max(axis=1)
        keep = np.flatnonzero(strength > 0)
        if len(keep) > max_columns:
            keep = np.sort(np.argsort(strength)[-max_columns:])
        cols = self.W[keep]  # (k, n_labels)
        scale = np.abs(cols).max(axis=0) / 127.0
        scale[scale == 0] = 1.0
        q = np.clip(np.rint(cols / scale), -127, 127).astype(np.int8)
        # Delta-encoded sorted indices compress far better than raw int32.
        deltas = np.diff(keep, prepend=0).astype(np.uint32)
        np.savez_compressed(directory / "weights.npz", idx_delta=deltas, q=q,
                            scale=scale.astype(np.float32), bias=self.b.astype(np.float32))
        info = {"format": FORMAT, "labels": self.labels, "features": self.features.to_json(),
                "kept_columns": int(len(keep)), **self.meta}
        (directory / "model.json").write_text(json.dumps(info, indent=2, sort_keys=True) + "\n",
                                             encoding="utf-8")
        return info

    @classmethod
    def load(cls, directory: Path) -> LinearWeights:
        info = json.loads((directory / "model.json").read_text(encoding="utf-8"))
        if info.get("format") != FORMAT:
            raise ValueError(f"{directory}/model.json: unknown model format {info.get('format')!r}")
        cfg = FeatureConfig(**info["features"])
        with np.load(directory / "weights.npz", allow_pickle=False) as z:
            idx = np.cumsum(z["idx_delta"].astype(np.int64))
            q, scale, bias = z["q"], z["scale"], z["bias"]
        if len(info["labels"]) != q.shape[1] or (len(idx) and idx[-1] >= cfg.n_features):
            raise ValueError(f"{directory}: weights do not match model.json")
        W = np.zeros((cfg.n_features, q.shape[1]), dtype=np.float32)
        W[idx] = q.astype(np.float32) * scale
        meta = {k: v for k, v in info.items() if k not in ("format", "labels", "features")}
        return cls(list(info["labels"]), W, bias, cfg, meta)
