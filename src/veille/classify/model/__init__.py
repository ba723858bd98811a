"""The shipped default model (model.json + weights.npz)."""
