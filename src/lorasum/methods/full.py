"""Full fine-tuning: every parameter of the base model trains."""


def prepare(model, method_cfg, *, total_steps: int | None = None):
    """Make every parameter trainable. `total_steps` is unused."""
    for p in model.parameters():
        p.requires_grad_(True)
    return model
