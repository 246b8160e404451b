"""Full fine-tuning: every parameter of the base model trains."""


def prepare(model, method_cfg):
    for p in model.parameters():
        p.requires_grad_(True)
    return model
