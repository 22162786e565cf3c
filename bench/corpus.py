"""Generate a reproducible corpus of marketing pages for benchmarks.

Seeded; a mix of clean informational pages and risky clinic pages, Markdown
and plain text, with front matter, headings, lists, tables, code and links,
plus optional very large files. Sentences are assembled from phrase banks so
pages differ from each other.
"""

from __future__ import annotations

import random
from pathlib import Path

PRODUCTS = ["stem cell therapy", "exosome treatment", "PRP injections", "Wharton's jelly injections",
            "amniotic allografts", "cord tissue cells", "our regenerative protocol", "secretome serum"]
CONDITIONS = ["knee osteoarthritis", "chronic back pain", "rotator cuff tears", "hair loss", "COPD",
              "tennis elbow", "plantar fasciitis", "degenerative disc disease", "neuropathy", "wrinkles"]
EFFECTS = ["heals", "repairs", "reverses", "regenerates", "can help treat", "may relieve", "restores"]
NEUTRAL = [
    "Our office is open Monday through Friday, and parking is available behind the building.",
    "The visit starts with a review of your medical history and any imaging you bring.",
    "Platelet-rich plasma is prepared by spinning a small sample of your blood in a centrifuge.",
    "Exosomes are small vesicles that cells release to carry proteins between them.",
    "Please bring a list of your medications and a photo ID to your first appointment.",
    "Our team includes physicians, nurses and physical therapists with years of experience.",
    "Many people with joint pain also benefit from exercise, weight loss and physical therapy.",
    "The procedure usually takes under an hour, and most people go home the same day.",
    "We accept most major credit cards and can provide receipts for your records.",
    "Researchers continue to study how cells signal to one another in healing tissue.",
    "Ask your doctor about all of your options before you decide on any procedure.",
    "Insurance plans vary, so check your coverage before your appointment.",
]
RISKY = [
    "{product} {effect} {condition} in just a few weeks.",
    "Our {product} is clinically proven and completely safe.",
    "Patients love it: 9 out of 10 patients report less pain after {product}.",
    "{product} is a better option than surgery for {condition}.",
    "\"My {condition} is gone!\" says one of our happy patients.",
    "Discover why we are the #1 clinic for {product}.",
    "Results guaranteed with our FDA-approved {product}.",
]


def sentence(rng: random.Random, risky: bool) -> str:
    if risky and rng.random() < 0.35:
        text = rng.choice(RISKY).format(product=rng.choice(PRODUCTS), effect=rng.choice(EFFECTS),
                                        condition=rng.choice(CONDITIONS))
        return text[0].upper() + text[1:]
    return rng.choice(NEUTRAL)


def paragraph(rng: random.Random, risky: bool) -> str:
    return " ".join(sentence(rng, risky) for _ in range(rng.randint(2, 6)))


def markdown_page(rng: random.Random, risky: bool, paragraphs: int) -> str:
    parts = [f"---\ntitle: {rng.choice(PRODUCTS).title()} in {rng.choice(['Austin', 'Tampa', 'Denver'])}\n"
             f"description: {sentence(rng, risky)}\nlayout: page\n---\n"]
    for index in range(paragraphs):
        roll = rng.random()
        if index % 5 == 0:
            parts.append(f"## {rng.choice(['What to expect', 'Our approach', 'Why choose us', 'FAQ'])}")
        if roll < 0.15:
            parts.append("\n".join(f"- {sentence(rng, risky)}" for _ in range(rng.randint(2, 5))))
        elif roll < 0.2:
            parts.append("| Treatment | Sessions |\n|---|---|\n" + "\n".join(
                f"| {rng.choice(PRODUCTS)} | {rng.randint(1, 4)} |" for _ in range(3)))
        elif roll < 0.23:
            parts.append("```\nbooking_id = 12345\n```")
        elif roll < 0.3:
            parts.append(f"> {paragraph(rng, risky)}")
        else:
            parts.append(paragraph(rng, risky) + f" See [our FAQ](https://example.com/faq/{index}).")
    return "\n\n".join(parts) + "\n"


def text_page(rng: random.Random, risky: bool, paragraphs: int) -> str:
    return "\n\n".join(paragraph(rng, risky) for _ in range(paragraphs)) + "\n"


def generate(folder: Path, files: int = 1000, seed: int = 7, large: int = 0, large_mb: float = 2.0) -> int:
    """Write ``files`` pages (about 11 KB each) plus ``large`` files of
    ``large_mb`` MB; returns the total size in bytes."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for number in range(files):
        risky = rng.random() < 0.4
        paragraphs = rng.randint(18, 36)
        if rng.random() < 0.8:
            path, text = folder / f"page-{number:05d}.md", markdown_page(rng, risky, paragraphs)
        else:
            path, text = folder / f"page-{number:05d}.txt", text_page(rng, risky, paragraphs)
        path.write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    for number in range(large):
        chunks, size = [], 0
        while size < large_mb * 1_000_000:
            chunk = markdown_page(rng, rng.random() < 0.3, 40)
            chunks.append(chunk.split("---\n", 2)[2] if chunks else chunk)
            size += len(chunk)
        text = "\n".join(chunks)
        (folder / f"large-{number}.md").write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
    return total
