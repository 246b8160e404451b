"""Baseline for bench_train.py: plain transformers Seq2SeqTrainer on the same model, data and batch size.

    python benchmarks/_trainer_baseline.py --model DIR --data FILE.jsonl --batch-size 4 --output OUT.json

Dynamic padding (DataCollatorForSeq2Seq), no length grouping, fused AdamW, one epoch. Writes the
runtime, the non-pad tokens of the examples it trained on, and the process's peak RSS.
"""

import argparse
import json
import resource
import tempfile

import torch
from datasets import Dataset
from transformers import (AutoModelForSeq2SeqLM, AutoTokenizer, DataCollatorForSeq2Seq, Seq2SeqTrainer,
                          Seq2SeqTrainingArguments)

parser = argparse.ArgumentParser()
parser.add_argument("--model", required=True)
parser.add_argument("--data", required=True)
parser.add_argument("--batch-size", type=int, default=4)
parser.add_argument("--max-source-length", type=int, default=512)
parser.add_argument("--max-target-length", type=int, default=84)
parser.add_argument("--learning-rate", type=float, default=5e-5)
parser.add_argument("--output", required=True)
args = parser.parse_args()

torch.manual_seed(0)
tokenizer = AutoTokenizer.from_pretrained(args.model)
model = AutoModelForSeq2SeqLM.from_pretrained(args.model)
rows = [json.loads(line) for line in open(args.data, encoding="utf-8")]
src = tokenizer([r["text"] for r in rows], max_length=args.max_source_length, truncation=True)
tgt = tokenizer(text_target=[r["summary"] for r in rows], max_length=args.max_target_length, truncation=True)
features = [{"input_ids": s, "labels": t} for s, t in zip(src["input_ids"], tgt["input_ids"])]
tokens = sum(len(f["input_ids"]) + len(f["labels"]) for f in features)  # non-pad source + target tokens
with tempfile.TemporaryDirectory() as out:
    training_args = Seq2SeqTrainingArguments(
        output_dir=out, per_device_train_batch_size=args.batch_size, num_train_epochs=1,
        learning_rate=args.learning_rate, lr_scheduler_type="linear", max_grad_norm=1.0, optim="adamw_torch_fused",
        save_strategy="no", logging_strategy="no", report_to="none", use_cpu=True, dataloader_num_workers=0,
        train_sampling_strategy="random", seed=0, disable_tqdm=True)  # random batches: no length grouping
    trainer = Seq2SeqTrainer(model=model, args=training_args, train_dataset=Dataset.from_list(features),
                             data_collator=DataCollatorForSeq2Seq(tokenizer, model=model))
    result = trainer.train()
runtime = result.metrics["train_runtime"]
json.dump({"train_time_s": runtime, "tokens": tokens, "tokens_per_s": tokens / runtime,
           "steps": result.global_step, "peak_memory_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024},
          open(args.output, "w"))
