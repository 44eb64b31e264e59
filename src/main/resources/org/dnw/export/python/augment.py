"""The run's data augmentation, as the workbench applies it to training images, in torch ops.

Each image of a batch (float N x C x H x W in [0, 1]) is, with chance `probability`, changed in
the workbench's order:

1. shifted by whole pixels and rotated about its centre (bilinear, black outside);
2. contrast about its mean grey, then brightness; clipped to [0, 1];
3. blurred with a Gaussian of a sigma drawn in [0, blur_sigma] (edges extended);
4. Gaussian noise; clipped to [0, 1];
5. salt-and-pepper noise (each pixel, all channels together, set to 0 or 1);
6. with chance `erasing_probability`, one rectangle of 2-25 % of the area set to one grey;
7. last, with chance `flip_probability`, mirrored left to right (all channels alike); its random
   number is drawn after all the others, as the workbench does.

The distributions are the workbench's; the random numbers are torch's, so the very images
differ (the workbench draws them from Java's SplittableRandom).
"""

import math

import torch
import torch.nn.functional as F


class Augmenter:
    def __init__(self, spec, seed):
        self.spec = spec
        self.generator = torch.Generator().manual_seed(seed)

    def uniform(self):
        return float(torch.rand(1, generator=self.generator))

    def __call__(self, batch):
        out = batch.clone()
        for i in range(out.shape[0]):
            if self.uniform() < self.spec["probability"]:
                out[i] = self.image(out[i])
        return out

    def image(self, x):
        s = self.spec
        c, h, w = x.shape
        shift = s["max_shift_pixels"]
        dx = math.floor(self.uniform() * (2 * shift + 1)) - shift if shift else 0
        dy = math.floor(self.uniform() * (2 * shift + 1)) - shift if shift else 0
        degrees = (2 * self.uniform() - 1) * s["max_rotation_degrees"]
        if dx or dy or degrees:
            x = shift_rotate(x, dx, dy, degrees)
        factor = 1 + (2 * self.uniform() - 1) * s["contrast_delta"]
        brightness = (2 * self.uniform() - 1) * s["brightness_delta"]
        if factor != 1 or brightness:
            mean = x.mean()
            x = ((x - mean) * factor + mean + brightness).clamp(0, 1)
        sigma = self.uniform() * s["blur_sigma"]
        if sigma >= 0.05:
            x = blur(x, sigma)
        if s["gaussian_noise_sigma"] > 0:
            noise = torch.randn(x.shape, generator=self.generator)
            x = (x + s["gaussian_noise_sigma"] * noise).clamp(0, 1)
        if s["salt_pepper_share"] > 0:
            hit = torch.rand(h, w, generator=self.generator) < s["salt_pepper_share"]
            salt = (torch.rand(h, w, generator=self.generator) < 0.5).float()
            x = torch.where(hit, salt.expand(c, h, w), x)
        if self.uniform() < s["erasing_probability"]:
            top, left, eh, ew = erase_box(h, w, self.uniform(), self.uniform(), self.uniform(),
                                          self.uniform())
            x = x.clone()
            x[:, top:top + eh, left:left + ew] = self.uniform()
        if self.uniform() < s.get("flip_probability", 0.0):
            x = x.flip(-1)
        return x


def shift_rotate(x, dx, dy, degrees):
    """Moves the image by (dx, dy) pixels and turns it anticlockwise by `degrees` about its
    centre; bilinear, 0 where the source lies outside."""
    c, h, w = x.shape
    a = math.radians(degrees)
    cos, sin = math.cos(a), math.sin(a)
    sx, sy = (w - 1) / 2, (h - 1) / 2  # pixels per unit of affine_grid's [-1, 1] coordinates
    # affine_grid maps each output pixel to the source point it samples, as the workbench does:
    # source = R(-angle) (p - centre - shift) + centre, in pixels, y pointing down
    theta = torch.tensor([[cos, -sin * sy / sx, -(cos * dx - sin * dy) / sx],
                          [sin * sx / sy, cos, -(sin * dx + cos * dy) / sy]],
                         dtype=torch.float32)
    grid = F.affine_grid(theta[None], [1, c, h, w], align_corners=True)
    return F.grid_sample(x[None], grid, mode="bilinear", padding_mode="zeros",
                         align_corners=True)[0]


def blur(x, sigma):
    """Separable Gaussian blur, radius 3 sigma (at least 1), edges extended."""
    r = max(1, math.ceil(3 * sigma))
    k = torch.exp(-torch.arange(-r, r + 1, dtype=torch.float32) ** 2 / (2 * sigma * sigma))
    k = k / k.sum()
    c = x.shape[0]
    y = F.pad(x[None], (r, r, r, r), mode="replicate")
    y = F.conv2d(y, k.view(1, 1, 1, -1).repeat(c, 1, 1, 1), groups=c)
    y = F.conv2d(y, k.view(1, 1, -1, 1).repeat(c, 1, 1, 1), groups=c)
    return y[0]


def erase_box(height, width, u_area, u_ratio, u_top, u_left):
    """(top, left, h, w) of the erased rectangle, as the workbench's Augmenter.eraseBox."""
    plane = height * width
    area = (0.02 + u_area * (0.25 - 0.02)) * plane
    ratio = math.exp(math.log(0.3) + u_ratio * (math.log(3.3) - math.log(0.3)))
    h = min(height, max(1, int(math.floor(math.sqrt(area * ratio) + 0.5))))
    w = min(width, max(1, int(math.floor(area / h + 0.5))))
    most = max(1, int(math.floor(0.25 * plane)))
    while h * w > most:
        if h >= w and h > 1:
            h -= 1
        else:
            w -= 1
    top = min(height - h, int(math.floor(u_top * (height - h + 1))))
    left = min(width - w, int(math.floor(u_left * (width - w + 1))))
    return top, left, h, w
