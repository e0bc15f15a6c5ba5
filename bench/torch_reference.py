"""PyTorch CPU throughput for all-MiniLM-L6-v2 on this machine, for `bench embed` to be compared with.

Not part of the product or its tests: it needs torch (e.g. `pip install torch` from a CPU wheel).
It runs BERT's forward pass in plain torch on the same model.safetensors that `match-console
model install` put in the data directory, checks its embeddings against the sentence-transformers
fixture (cosine >= 0.9999), then times batches of 32 texts cut to exactly 64 and 33 tokens on 1 and
2 threads, as `bench embed` does.

    python3 bench/torch_reference.py [MODEL_FOLDER]
"""
import json, math, os, struct, sys, time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = sys.argv[1] if len(sys.argv) > 1 else os.path.expanduser("~/.local/share/match-console/models/all-MiniLM-L6-v2")
FIXTURE = os.path.join(HERE, "..", "Tests", "CLITests", "Fixtures", "minilm-reference.json")


def load_safetensors(path):
    with open(path, "rb") as handle:
        size = struct.unpack("<Q", handle.read(8))[0]
        header = json.loads(handle.read(size))
        data = handle.read()
    tensors = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        start, end = meta["data_offsets"]
        if meta["dtype"] != "F32":  # e.g. the I64 position_ids buffer, which the forward pass does not need
            continue
        tensors[name] = torch.from_numpy(np.frombuffer(data[start:end], dtype=np.float32).reshape(meta["shape"]).copy())
    return tensors


W = load_safetensors(os.path.join(FOLDER, "model.safetensors"))
P = "" if "embeddings.word_embeddings.weight" in W else "bert."
LAYERS, HEADS, HIDDEN = 6, 12, 384


def layer_norm(x, name):
    return torch.nn.functional.layer_norm(x, (HIDDEN,), W[name + ".weight"], W[name + ".bias"], eps=1e-12)


def linear(x, name):
    return torch.nn.functional.linear(x, W[name + ".weight"], W[name + ".bias"])


@torch.inference_mode()
def encode(ids, mask):
    batch, length = ids.shape
    positions = torch.arange(length).unsqueeze(0)
    x = W[P + "embeddings.word_embeddings.weight"][ids] + W[P + "embeddings.position_embeddings.weight"][positions] \
        + W[P + "embeddings.token_type_embeddings.weight"][0]
    x = layer_norm(x, P + "embeddings.LayerNorm")
    bias = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
    for layer in range(LAYERS):
        name = f"{P}encoder.layer.{layer}."
        def heads(t):
            return t.view(batch, length, HEADS, HIDDEN // HEADS).transpose(1, 2)
        q, k, v = (heads(linear(x, name + "attention.self." + part)) for part in ("query", "key", "value"))
        scores = q @ k.transpose(-1, -2) / math.sqrt(HIDDEN // HEADS) + bias
        context = (scores.softmax(-1) @ v).transpose(1, 2).reshape(batch, length, HIDDEN)
        x = layer_norm(linear(context, name + "attention.output.dense") + x, name + "attention.output.LayerNorm")
        hidden = torch.nn.functional.gelu(linear(x, name + "intermediate.dense"))
        x = layer_norm(linear(hidden, name + "output.dense") + x, name + "output.LayerNorm")
    summed = (x * mask[:, :, None]).sum(1) / mask.sum(1, keepdim=True)
    return torch.nn.functional.normalize(summed, dim=-1)


def check_against_fixture():
    cases = json.load(open(FIXTURE))["sentences"]
    worst = 1.0
    for case in cases:
        ids = torch.tensor([case["token_ids"]])
        got = encode(ids, torch.ones_like(ids))[0].numpy()
        want = np.array(case["embedding"], dtype=np.float32)
        worst = min(worst, float(got @ want / (np.linalg.norm(got) * np.linalg.norm(want))))
    assert worst >= 0.9999, f"torch forward disagrees with the fixture: cosine {worst}"
    return worst


def throughput(tokens, threads, sentences=512, batch=32):
    torch.set_num_threads(threads)
    generator = torch.Generator().manual_seed(7)
    ids = torch.randint(1000, 29000, (sentences, tokens), generator=generator)
    ids[:, 0], ids[:, -1] = 101, 102
    mask = torch.ones_like(ids)
    encode(ids[:batch], mask[:batch])  # warm-up
    start = time.perf_counter()
    for first in range(0, sentences, batch):
        encode(ids[first:first + batch], mask[first:first + batch])
    seconds = time.perf_counter() - start
    return {"tokens": tokens, "threads": threads, "sentences": sentences, "seconds": round(seconds, 3),
            "sentences_per_second": round(sentences / seconds, 1)}


if __name__ == "__main__":
    worst = check_against_fixture()
    runs = [throughput(tokens, threads) for tokens in (64, 33) for threads in (1, 2)]
    print(json.dumps({"torch": torch.__version__, "fixture_worst_cosine": round(worst, 6), "throughput": runs}, indent=1))
