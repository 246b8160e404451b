"""Attention statistics by hand, attention maps from the tiny mT5, and the attention figures."""

import json
import math

import numpy as np
import pytest
import torch

from lorasum.errors import UserError
from lorasum.io import read_jsonl
from lorasum.visualization.attention import (attention_entropy, collect_attention, iter_attention, js_divergence,
                                             layer_statistics, plot_attention_pair, plot_layer_statistics)


def test_entropy_of_uniform_and_one_hot_rows():
    uniform = np.full((2, 3, 7), 1 / 7)  # [heads, q, k]
    assert attention_entropy(uniform).shape == (2, 3)
    assert np.allclose(attention_entropy(uniform), math.log(7))
    assert np.allclose(attention_entropy(np.eye(5)), 0.0)
    # [0.5, 0.25, 0.25]: 0.5 ln 2 + 2 * 0.25 ln 4 = 1.5 ln 2
    assert attention_entropy(torch.tensor([0.5, 0.25, 0.25])) == pytest.approx(1.5 * math.log(2))


def test_js_divergence_by_hand():
    p = np.array([[0.2, 0.3, 0.5], [1.0, 0.0, 0.0]])
    assert np.allclose(js_divergence(p, p), 0.0)
    assert js_divergence([1.0, 0.0], [0.0, 1.0]) == pytest.approx(math.log(2))
    q = np.array([[0.6, 0.3, 0.1], [0.0, 0.5, 0.5]])
    assert np.allclose(js_divergence(p, q), js_divergence(q, p))
    # row 2: p = [1,0,0], q = [0,.5,.5], m = [.5,.25,.25]: KL(p||m) = ln 2, KL(q||m) = ln 2 -> JS = ln 2
    assert js_divergence(p, q)[1] == pytest.approx(math.log(2))
    # row 1 against the definition
    m = (p[0] + q[0]) / 2
    expected = 0.5 * np.sum(p[0] * np.log(p[0] / m)) + 0.5 * np.sum(q[0] * np.log(q[0] / m))
    assert js_divergence(p, q)[0] == pytest.approx(expected)
    rng = np.random.default_rng(0)
    a, b = rng.dirichlet(np.ones(9), size=50), rng.dirichlet(np.ones(9), size=50)
    assert np.all((js_divergence(a, b) >= 0) & (js_divergence(a, b) <= math.log(2)))
    with pytest.raises(ValueError, match="shapes differ"):
        js_divergence(np.ones((2, 3)) / 3, np.ones((2, 4)) / 4)


@pytest.fixture(scope="module")
def tiny(model_dir):
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    torch.manual_seed(0)
    return (AutoTokenizer.from_pretrained(model_dir),
            AutoModelForSeq2SeqLM.from_pretrained(model_dir, attn_implementation="eager"))


@pytest.fixture(scope="module")
def examples(data_dir):
    return read_jsonl(data_dir / "en" / "test.jsonl")[:3]


def test_collect_attention_shapes_and_rows_sum_to_one(tiny, examples):
    tokenizer, model = tiny
    model.train()  # dropout would perturb the maps: collect_attention must switch it off and restore the mode
    ex = examples[0]
    out = collect_attention(model, tokenizer, ex["text"], ex["summary"], max_source_length=4096)
    assert model.training
    src = len(tokenizer(ex["text"])["input_ids"])
    tgt = len(tokenizer(text_target=ex["summary"])["input_ids"])
    cfg = model.config
    assert len(out["encoder_self"]) == cfg.num_layers and len(out["decoder_cross"]) == cfg.num_decoder_layers
    assert all(tuple(a.shape) == (cfg.num_heads, src, src) for a in out["encoder_self"])
    assert all(tuple(a.shape) == (cfg.num_heads, tgt, src) for a in out["decoder_cross"])
    for a in out["encoder_self"] + out["decoder_cross"]:
        assert torch.allclose(a.sum(-1), torch.ones(a.shape[:-1]), atol=1e-5)
    assert len(out["source_tokens"]) == src and len(out["summary_tokens"]) == tgt
    assert out["summary_tokens"][-1] == "</s>"
    assert (out["truncated"], out["source_length"]) == (False, src)
    again = collect_attention(model, tokenizer, ex["text"], ex["summary"], max_source_length=4096)
    assert torch.equal(again["decoder_cross"][1], out["decoder_cross"][1])  # eval mode: deterministic


def test_collect_attention_flags_truncation(tiny, examples):
    tokenizer, model = tiny
    ex = examples[0]
    full = len(tokenizer(ex["text"])["input_ids"])
    assert full > 512  # the synthetic articles are longer than the default limit, as real news often is
    out = collect_attention(model, tokenizer, ex["text"], ex["summary"])
    assert out["truncated"] and out["source_length"] == full and out["encoder_self"][0].shape[-1] == 512
    assert not out["summary_truncated"]
    out = collect_attention(model, tokenizer, ex["text"], ex["summary"], max_source_length=8,
                            max_target_length=4)
    assert out["truncated"] and out["source_length"] > 8 and out["max_source_length"] == 8
    assert out["encoder_self"][0].shape[-1] == 8 and out["decoder_cross"][0].shape[-2:] == (4, 8)
    assert out["summary_truncated"] and len(out["summary_tokens"]) == 4


class _NoAttentionModel(torch.nn.Module):
    """Returns what an SDPA model returns: no attention maps."""

    def __init__(self, value):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.zeros(1))
        self.value = value

    def forward(self, **kwargs):
        from types import SimpleNamespace

        return SimpleNamespace(encoder_attentions=self.value, cross_attentions=self.value)


@pytest.mark.parametrize("value", [None, (), (None, None)])
def test_collect_attention_without_maps_says_to_load_eager(tiny, examples, value):
    tokenizer, _ = tiny
    with pytest.raises(UserError, match='attn_implementation="eager"'):
        collect_attention(_NoAttentionModel(value), tokenizer, examples[0]["text"], examples[0]["summary"])


def test_collect_attention_with_sdpa_either_works_or_says_eager(model_dir, tiny, examples):
    from transformers import AutoModelForSeq2SeqLM

    tokenizer, _ = tiny
    model = AutoModelForSeq2SeqLM.from_pretrained(model_dir, attn_implementation="sdpa")
    try:
        out = collect_attention(model, tokenizer, examples[0]["text"], examples[0]["summary"])
    except UserError as exc:
        assert "eager" in str(exc) and "\n" not in str(exc)
    else:  # a transformers version that falls back to eager for attention maps: they must be real
        assert len(out["encoder_self"]) == model.config.num_layers
        assert all(torch.allclose(a.sum(-1), torch.ones(a.shape[:-1]), atol=1e-5) for a in out["encoder_self"])


def _maps(layers, heads, q, k, fill):
    return [torch.full((heads, q, k), fill) for _ in range(layers)]


def test_layer_statistics_by_hand():
    uniform = {"encoder_self": _maps(2, 3, 4, 4, 0.25), "decoder_cross": _maps(2, 3, 2, 4, 0.25), "truncated": True}
    one_hot = {"encoder_self": [torch.eye(4).expand(3, 4, 4)] * 2,
               "decoder_cross": [torch.eye(4)[:2].expand(3, 2, 4)] * 2, "truncated": False}
    stats = layer_statistics({"a": [uniform, one_hot], "b": [uniform, uniform], "c": iter([one_hot, one_hot])})
    json.dumps(stats)
    assert (stats["runs"], stats["n_examples"], stats["truncated_examples"]) == (["a", "b", "c"], 2, 1)
    enc = stats["encoder_self"]
    assert enc["layers"] == 2 and enc["uniform_entropy"] == pytest.approx(math.log(4))
    assert enc["entropy"]["a"] == pytest.approx([math.log(4) / 2] * 2, abs=1e-6)
    assert enc["entropy"]["b"] == pytest.approx([math.log(4)] * 2, abs=1e-6)
    assert enc["entropy"]["c"] == pytest.approx([0.0, 0.0], abs=1e-6)
    js = {(p["a"], p["b"]): p["per_layer"] for p in enc["js_divergence"]}
    assert set(js) == {("a", "b"), ("a", "c"), ("b", "c")}
    # uniform over 4 vs one-hot: m = [5/8, 1/8, 1/8, 1/8];
    # JS = 1/2 (ln(8/5)) + 1/2 (1/4 ln(2/5) + 3/4 ln 2)
    one = 0.5 * math.log(8 / 5) + 0.5 * (0.25 * math.log(2 / 5) + 0.75 * math.log(2))
    assert js[("a", "b")] == pytest.approx([one / 2] * 2, abs=1e-6)  # identical on example 1, `one` on example 2
    assert js[("b", "c")] == pytest.approx([one] * 2, abs=1e-6)
    assert stats["decoder_cross"]["js_divergence"][2]["per_layer"] == pytest.approx([one] * 2, abs=1e-6)


def test_layer_statistics_rejects_mismatched_runs():
    ex = {"encoder_self": _maps(2, 1, 3, 3, 1 / 3), "decoder_cross": _maps(2, 1, 2, 3, 1 / 3)}
    with pytest.raises(UserError, match="different numbers of examples"):
        layer_statistics({"a": [ex, ex], "b": [ex]})
    short = {"encoder_self": _maps(2, 1, 2, 2, 0.5), "decoder_cross": _maps(2, 1, 2, 2, 0.5)}
    with pytest.raises(UserError, match="differ in shape"):
        layer_statistics({"a": [ex], "b": [short]})
    with pytest.raises(UserError, match="no examples"):
        layer_statistics({"a": [], "b": []})


def test_layer_statistics_of_two_real_runs(tiny, examples, model_dir, tmp_path):
    """Same base model twice -> JS 0; a perturbed copy -> JS > 0. Generators are consumed in step."""
    from transformers import AutoModelForSeq2SeqLM

    tokenizer, model = tiny
    other = AutoModelForSeq2SeqLM.from_pretrained(model_dir, attn_implementation="eager")
    with torch.no_grad():
        for p in other.parameters():
            p.add_(0.05 * torch.randn_like(p))
    same = layer_statistics({"a": iter_attention(model, tokenizer, examples, 128),
                             "b": iter_attention(model, tokenizer, examples, 128)})
    assert same["n_examples"] == 3 and same["truncated_examples"] == 3
    assert same["decoder_cross"]["js_divergence"][0]["per_layer"] == pytest.approx([0.0, 0.0], abs=1e-6)
    diff = layer_statistics({"base": iter_attention(model, tokenizer, examples, 128),
                             "tuned": iter_attention(other, tokenizer, examples, 128)})
    assert all(v > 1e-4 for v in diff["encoder_self"]["js_divergence"][0]["per_layer"])
    for values in diff["encoder_self"]["entropy"].values():
        assert all(0 < v <= diff["encoder_self"]["uniform_entropy"] + 1e-6 for v in values)
    fig = plot_layer_statistics(json.loads(json.dumps(diff)))
    assert len(fig.axes) == 4
    assert [len(ax.lines) for ax in fig.axes] == [3, 3, 1, 1]  # 2 runs + uniform line; one pair
    fig.savefig(tmp_path / "layers.png", dpi=50)
    assert (tmp_path / "layers.png").stat().st_size > 1000
    single = plot_layer_statistics(layer_statistics({"only": iter_attention(model, tokenizer, examples[:1], 128)}))
    assert [len(ax.lines) for ax in single.axes] == [2, 2, 0, 0]
    single.savefig(tmp_path / "single.png", dpi=50)

    a = collect_attention(model, tokenizer, examples[0]["text"], examples[0]["summary"], 128)
    b = collect_attention(other, tokenizer, examples[0]["text"], examples[0]["summary"], 128)
    fig = plot_attention_pair(a, b, None, "decoder_cross", layer=1, head=2, names=("base", "tuned"))
    assert len(fig.axes) == 5  # A, B, B - A and two colorbars
    img_a, img_b, img_d = (ax.images[0].get_array() for ax in fig.axes[:3])
    assert np.allclose(img_a, a["decoder_cross"][1][2].numpy())
    assert np.allclose(img_d, b["decoder_cross"][1][2].numpy() - a["decoder_cross"][1][2].numpy(), atol=1e-6)
    assert fig.axes[2].images[0].get_cmap().name == "RdBu_r"
    fig.savefig(tmp_path / "pair.png", dpi=50)
    assert (tmp_path / "pair.png").stat().st_size > 1000
    mean = plot_attention_pair(a, b, None, "encoder")  # short form of encoder_self
    expected = torch.stack(a["encoder_self"]).mean(dim=(0, 1)).numpy()
    assert np.allclose(mean.axes[0].images[0].get_array(), expected, atol=1e-6)
    assert "mean over layers, mean over heads" in mean.get_suptitle()


def _long_pair(q=120, k=300, seed=0):
    rng = np.random.default_rng(seed)
    def result():
        maps = [torch.tensor(rng.dirichlet(np.ones(k) * 0.1, size=(2, q)), dtype=torch.float32) for _ in range(2)]
        return {"decoder_cross": maps, "encoder_self": maps, "source_tokens": [f"s{i}" for i in range(k)],
                "summary_tokens": [f"t{i}" for i in range(q)]}
    return result(), result()


def test_plot_attention_pair_thins_labels_and_keeps_top_k_columns(tmp_path):
    a, b = _long_pair()
    fig = plot_attention_pair(a, b, None, "decoder_cross", layer=0)
    ax = fig.axes[0]
    assert 1 < len(ax.get_xticks()) <= 40 and 1 < len(ax.get_yticks()) <= 40
    assert ax.get_xticklabels()[0].get_text() == "s0" and ax.get_yticklabels()[1].get_text() == "t3"
    fig.savefig(tmp_path / "long.png", dpi=40)
    top = plot_attention_pair(a, b, None, "decoder_cross", layer=0, head=0, top_k=1)
    shown = top.axes[0].images[0].get_array().shape[1]
    expected = {int(np.argmax(m[0][0].numpy()[i])) for m in (a["decoder_cross"], b["decoder_cross"])
                for i in range(120)}
    assert shown == len(expected) < 300
    assert f"{shown} of 300 shown" in top.axes[0].get_xlabel()
    with pytest.raises(UserError, match="layer 5 does not exist"):
        plot_attention_pair(a, b, None, "decoder_cross", layer=5)
    with pytest.raises(UserError, match="unknown attention kind"):
        plot_attention_pair(a, b, None, "decoder_self")
    small_a, small_b = _long_pair(q=2, k=3)
    fig = plot_attention_pair(small_a, small_b, (["x", "y"], ["p", "q", "r"]), "decoder_cross")
    assert [t.get_text() for t in fig.axes[1].get_xticklabels()] == ["p", "q", "r"]
