#!/usr/bin/env python3
"""Writes the PyTorch fixtures of the interop tests (src/test/resources/torch/).

Run with a Python that has torch (Debian's python3-torch 1.13 was used):

    /usr/bin/python3 src/test/python/make_torch_fixtures.py src/test/resources/torch

The Burgess ("Table 3") VAE is defined below from its published description, with the state-dict
names both PyTorch codebases of the field use (encoder.conv1 ... decoder.convT3). For every
fixture model it writes:

  NAME.pt               the state dict, in the zip format (torch >= 1.6) or the legacy format
  NAME.specs.json       a run's arguments as geometric-js / disentangling-vae record them
  NAME.z.npy            fixed latent vectors, float32 [N, D]
  NAME.decoded.npy      PyTorch's decoder means for them, float32 [N, C, H, W]
  NAME.x.npy            fixed input images, float32 [M, C, H, W]
  NAME.mu.npy / NAME.logvar.npy   PyTorch's encoder outputs for them, float32 [M, D]
  NAME.grid.npy         (b32_legacy and b64rgb_zip_half) the paper's traversal grid as PyTorch draws it: uint8 [H, W, 3]
                        (prior traversal, linspace(+1.959964, -1.959964, 10) per dimension in index
                        order, other dimensions 0, make_grid(nrow=10, padding=2, pad_value=1),
                        then save_image's uint8(clamp(x*255 + 0.5, 0, 255)))

Weights are stored in float32, float16 or float64 as noted; the expected outputs are computed
with the float32 values the file holds, so a correct reader reproduces them to float rounding.
"""
import json
import os
import sys
from collections import OrderedDict

import numpy as np
import torch
import torch.nn as nn


class Encoder(nn.Module):
    def __init__(self, channels, size, latents):
        super().__init__()
        self.size = size
        self.latents = latents
        self.conv1 = nn.Conv2d(channels, 32, 4, stride=2, padding=1)
        self.conv2 = nn.Conv2d(32, 32, 4, stride=2, padding=1)
        self.conv3 = nn.Conv2d(32, 32, 4, stride=2, padding=1)
        if size == 64:
            self.conv_64 = nn.Conv2d(32, 32, 4, stride=2, padding=1)
        self.lin1 = nn.Linear(32 * 4 * 4, 256)
        self.lin2 = nn.Linear(256, 256)
        self.mu_logvar_gen = nn.Linear(256, 2 * latents)

    def forward(self, x):
        h = torch.relu(self.conv1(x))
        h = torch.relu(self.conv2(h))
        h = torch.relu(self.conv3(h))
        if self.size == 64:
            h = torch.relu(self.conv_64(h))
        h = h.reshape(x.shape[0], -1)
        h = torch.relu(self.lin1(h))
        h = torch.relu(self.lin2(h))
        out = self.mu_logvar_gen(h).view(-1, self.latents, 2)
        return out[..., 0], out[..., 1]


class Decoder(nn.Module):
    def __init__(self, channels, size, latents):
        super().__init__()
        self.size = size
        self.lin1 = nn.Linear(latents, 256)
        self.lin2 = nn.Linear(256, 256)
        self.lin3 = nn.Linear(256, 32 * 4 * 4)
        if size == 64:
            self.convT_64 = nn.ConvTranspose2d(32, 32, 4, stride=2, padding=1)
        self.convT1 = nn.ConvTranspose2d(32, 32, 4, stride=2, padding=1)
        self.convT2 = nn.ConvTranspose2d(32, 32, 4, stride=2, padding=1)
        self.convT3 = nn.ConvTranspose2d(32, channels, 4, stride=2, padding=1)

    def forward(self, z):
        h = torch.relu(self.lin1(z))
        h = torch.relu(self.lin2(h))
        h = torch.relu(self.lin3(h)).view(-1, 32, 4, 4)
        if self.size == 64:
            h = torch.relu(self.convT_64(h))
        h = torch.relu(self.convT1(h))
        h = torch.relu(self.convT2(h))
        return torch.sigmoid(self.convT3(h))


class Vae(nn.Module):
    def __init__(self, channels, size, latents):
        super().__init__()
        self.encoder = Encoder(channels, size, latents)
        self.decoder = Decoder(channels, size, latents)


def paper_grid(decoder, latents):
    values = torch.linspace(1.959964, -1.959964, 10)
    z = torch.zeros(latents * 10, latents)
    for d in range(latents):
        z[d * 10:(d + 1) * 10, d] = values
    with torch.no_grad():
        tiles = decoder(z)
    n, c, h, w = tiles.shape
    if c == 1:
        tiles = tiles.repeat(1, 3, 1, 1)
    pad = 2
    grid = torch.ones(3, latents * (h + pad) + pad, 10 * (w + pad) + pad)
    for k in range(n):
        top = (k // 10) * (h + pad) + pad
        left = (k % 10) * (w + pad) + pad
        grid[:, top:top + h, left:left + w] = tiles[k]
    return grid.mul(255).add_(0.5).clamp_(0, 255).permute(1, 2, 0).to(torch.uint8).numpy()


def make(out, name, seed, channels, size, latents, dtype, legacy, loss, odd_layout=False, grid=True):
    torch.manual_seed(seed)
    model = Vae(channels, size, latents)
    with torch.no_grad():
        for p in model.parameters():
            # wider weights than the default initialisation so that images vary strongly with z
            p.mul_(2.5)
            # the values the file will hold, as float32
            p.copy_(p.to(dtype).to(torch.float32))
    model.eval()
    sd = OrderedDict()
    for k, v in model.state_dict().items():
        sd[k] = v.detach().clone().to(dtype)
    if odd_layout:
        # a non-contiguous tensor (transposed storage) and one at a storage offset, float64
        w = sd["decoder.lin2.weight"]
        sd["decoder.lin2.weight"] = w.t().contiguous().t()
        b = sd["encoder.lin2.bias"].to(torch.float64)
        big = torch.zeros(b.numel() + 7, dtype=torch.float64)
        big[5:5 + b.numel()] = b
        sd["encoder.lin2.bias"] = big[5:5 + b.numel()]
    path = os.path.join(out, name + ".pt")
    torch.save(sd, path, _use_new_zipfile_serialization=not legacy)
    back = torch.load(path)
    for k in sd:
        assert torch.equal(back[k].float(), model.state_dict()[k]), k

    specs = {"img_size": [channels, size, size], "latent_dim": latents, "loss": loss, "rec_dist": "bernoulli",
             "dataset": "dsprites" if channels == 1 else "celeba", "epochs": 30, "lr": 0.0005, "batch_size": 64,
             "seed": seed, "model_type": "Burgess", "betaH_B": 4, "GJS_A": 0.3, "GJS_B": 1.0, "GJS_invA": True,
             "MMD_B": 500.0, "reg_anneal": 10000, "name": name}
    with open(os.path.join(out, name + ".specs.json"), "w") as f:
        json.dump(specs, f, indent=4, sort_keys=True)

    g = torch.Generator().manual_seed(seed + 1)
    z = torch.randn(6 if size == 32 else 3, latents, generator=g) * 1.5
    z[0] = 0
    x = torch.rand(2, channels, size, size, generator=g)
    with torch.no_grad():
        decoded = model.decoder(z)
        mu, logvar = model.encoder(x)
    np.save(os.path.join(out, name + ".z.npy"), z.numpy().astype(np.float32))
    np.save(os.path.join(out, name + ".decoded.npy"), decoded.numpy().astype(np.float32))
    np.save(os.path.join(out, name + ".x.npy"), x.numpy().astype(np.float32))
    np.save(os.path.join(out, name + ".mu.npy"), mu.numpy().astype(np.float32))
    np.save(os.path.join(out, name + ".logvar.npy"), logvar.numpy().astype(np.float32))
    if grid:
        np.save(os.path.join(out, name + ".grid.npy"), paper_grid(model.decoder, latents))
    print(name, "decoded range", float(decoded.min()), float(decoded.max()), "std", float(decoded.std()))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/torch"
    os.makedirs(out, exist_ok=True)
    torch.set_num_threads(1)
    make(out, "b32_legacy", 11, 1, 32, 4, torch.float32, legacy=True, loss="GJS")
    make(out, "b32_zip_half", 12, 1, 32, 4, torch.float16, legacy=False, loss="betaH", odd_layout=True,
         grid=False)
    make(out, "b64rgb_zip_half", 13, 3, 64, 3, torch.float16, legacy=False, loss="btcvae")
    make(out, "b64rgb_legacy_half", 14, 3, 64, 3, torch.float16, legacy=True, loss="dGJS", grid=False)


if __name__ == "__main__":
    main()
