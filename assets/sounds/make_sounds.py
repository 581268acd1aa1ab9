"""Make every sound in this folder from nothing but the Python standard library (wave, array, math, random).

    python3 assets/sounds/make_sounds.py            # writes *.ogg here (oggenc), or *.wav without oggenc

Deterministic: fixed seeds, so the same script makes the same sounds. Mono, 22 050 Hz, 16-bit before
encoding. Ambiences are loops: their last second is cross-faded into their first, so they repeat without a
click. Peaks are normalised below full scale (no clipping); `python3 make_sounds.py --measure` prints each
file's duration and peak. Licence: CC0 1.0 (see LICENSE.md).
"""

from __future__ import annotations

import array
import math
import random
import shutil
import subprocess
import sys
import tempfile
import wave
from collections.abc import Callable
from pathlib import Path

RATE = 22050
HERE = Path(__file__).resolve().parent
Signal = list[float]


# --- building blocks ------------------------------------------------------------------------------


def silence(seconds: float) -> Signal:
    return [0.0] * int(seconds * RATE)


def noise(n: int, rng: random.Random) -> Signal:
    return [rng.uniform(-1.0, 1.0) for _ in range(n)]


def lowpass(x: Signal, hz: float) -> Signal:
    a = 1.0 - math.exp(-2.0 * math.pi * hz / RATE)
    y, out = 0.0, []
    for v in x:
        y += a * (v - y)
        out.append(y)
    return out


def highpass(x: Signal, hz: float) -> Signal:
    low = lowpass(x, hz)
    return [a - b for a, b in zip(x, low, strict=True)]


def bandpass(x: Signal, hz: float, q: float) -> Signal:
    """RBJ biquad band-pass (constant peak gain)."""
    w = 2.0 * math.pi * hz / RATE
    alpha = math.sin(w) / (2.0 * q)
    b0, b2 = alpha, -alpha
    a0, a1, a2 = 1.0 + alpha, -2.0 * math.cos(w), 1.0 - alpha
    b0, b2, a1, a2 = b0 / a0, b2 / a0, a1 / a0, a2 / a0
    x1 = x2 = y1 = y2 = 0.0
    out = []
    for v in x:
        y = b0 * v + b2 * x2 - a1 * y1 - a2 * y2
        x2, x1, y2, y1 = x1, v, y1, y
        out.append(y)
    return out


def add(into: Signal, sig: Signal, at: float = 0.0, gain: float = 1.0) -> None:
    """Mix `sig` into `into` from `at` seconds, wrapping round the end (so loops stay seamless)."""
    start, n = int(at * RATE), len(into)
    for i, v in enumerate(sig):
        into[(start + i) % n] += v * gain


def envelope(n: int, attack: float, decay: float) -> Signal:
    a, d = max(1, int(attack * RATE)), max(1, int(decay * RATE))
    return [min(1.0, i / a) * math.exp(-max(0, i - a) / d) for i in range(n)]


def tone(hz: float, seconds: float, decay: float, partials: tuple[float, ...] = (1.0, 0.3, 0.12)) -> Signal:
    n = int(seconds * RATE)
    env = envelope(n, 0.004, decay)
    return [
        env[i] * sum(p * math.sin(2 * math.pi * hz * (k + 1) * i / RATE) for k, p in enumerate(partials))
        for i in range(n)
    ]


def echo(x: Signal, delays: tuple[float, ...] = (0.083, 0.131, 0.197), feedback: float = 0.35) -> Signal:
    """A small hall: a few feedback delays, enough to place a loudspeaker or a voice in a big space."""
    out = x[:]
    for d in delays:
        k = int(d * RATE)
        for i in range(k, len(out)):
            out[i] += out[i - k] * feedback * 0.5
    return out


def loop(x: Signal, fade: float = 1.0) -> Signal:
    """Cross-fade the last `fade` seconds into the start (equal power) so the sound repeats seamlessly."""
    k = int(fade * RATE)
    body, tail = x[:-k], x[-k:]
    for i in range(k):
        t = i / k
        body[i] = body[i] * math.sin(t * math.pi / 2) + tail[i] * math.cos(t * math.pi / 2)
    return body


def normalise(x: Signal, peak_db: float) -> Signal:
    peak = max(abs(v) for v in x) or 1.0
    g = 10 ** (peak_db / 20) / peak
    return [v * g for v in x]


# --- sources --------------------------------------------------------------------------------------

VOWELS = ((730, 1090), (530, 1840), (270, 2290), (570, 840), (300, 870), (660, 1720), (440, 1020))


def voice(seconds: float, rng: random.Random, f0: float) -> Signal:
    """Speech-like murmur (no words): a pulse train with intonation through changing vowel formants,
    chopped into syllables and phrases."""
    n = int(seconds * RATE)
    out = [0.0] * n
    i = int(rng.uniform(0, 0.5) * RATE)
    while i < n:
        phrase = int(rng.uniform(0.8, 2.6) * RATE)
        end = min(n, i + phrase)
        while i < end:
            syl = int(rng.uniform(0.12, 0.28) * RATE)
            f1, f2 = rng.choice(VOWELS)
            pitch = f0 * rng.uniform(0.85, 1.2)
            src = [0.0] * syl
            period = RATE / pitch
            p = 0.0
            while p < syl:
                src[int(p)] = 1.0
                p += period * rng.uniform(0.97, 1.03)
            buzz = [0.6 * a + 0.4 * b for a, b in zip(bandpass(src, f1, 5), bandpass(src, f2, 8), strict=True)]
            env = [math.sin(math.pi * j / syl) ** 0.7 for j in range(syl)]
            for j in range(min(syl, n - i)):
                out[i + j] += buzz[j] * env[j]
            i += syl + int(rng.uniform(0.0, 0.06) * RATE)
        i += int(rng.uniform(0.4, 2.0) * RATE)  # a breath, a listener's turn
    return out


def crowd(seconds: float, voices: int, rng: random.Random, distance: float) -> Signal:
    """Many voices at once, further away with `distance` (0 near .. 1 far): muffled and in a hall."""
    n = int(seconds * RATE)
    mix = [0.0] * n
    for _ in range(voices):
        v = voice(seconds, rng, rng.choice((110, 125, 140, 190, 210, 230)))
        add(mix, v, 0.0, rng.uniform(0.4, 1.0))
    mix = lowpass(mix, 2600 - 1800 * distance)
    return echo(mix, feedback=0.25 + 0.3 * distance)


def steps(seconds: float, rng: random.Random, rate: float, hard: float = 0.6) -> Signal:
    """Footsteps: a heel and a toe per step, a dull thud plus a click of sole on stone."""
    n = int(seconds * RATE)
    out = [0.0] * n
    t = rng.uniform(0, 0.3)
    while t < seconds - 0.3:
        for dt, g in ((0.0, 1.0), (0.045, 0.5)):
            k = int(0.09 * RATE)
            burst = noise(k, rng)
            thud = lowpass(burst, 350)
            click = highpass(burst, 2500)
            env = envelope(k, 0.002, 0.018)
            add(out, [env[j] * (thud[j] * 2.2 + click[j] * hard) * g for j in range(k)], t + dt)
        t += (1 / rate) * rng.uniform(0.93, 1.07)
    return out


def freewheel(seconds: float, rng: random.Random) -> Signal:
    """A bicycle rolling by: tyre hiss swelling and fading, the freewheel ticking, a chain rattle."""
    n = int(seconds * RATE)
    hiss = bandpass(noise(n, rng), 1800, 0.7)
    out = [0.0] * n
    for i in range(n):
        t = i / n
        out[i] = hiss[i] * 0.25 * math.sin(math.pi * t) ** 2
    tick = 0.0
    while tick < seconds:
        k = int(0.012 * RATE)
        click = highpass(noise(k, rng), 3000)
        swell = math.sin(math.pi * tick / seconds) ** 2
        add(out, [c * 0.6 * swell * (1 - j / k) for j, c in enumerate(click)], tick)
        tick += 0.055
    return out


def bell(rng: random.Random) -> Signal:
    """A bicycle bell: two quick strikes of an inharmonic metal tone."""
    out = silence(1.0)
    for at in (0.0, 0.16):
        ring = tone(2150, 0.8, 0.18, (1.0, 0.0, 0.0))
        ring2 = tone(2150 * 1.47, 0.8, 0.12, (0.5, 0.0, 0.0))
        add(out, [a + b for a, b in zip(ring, ring2, strict=True)], at, 0.6)
    return out


def chime() -> Signal:
    """The station's announcement chime: three soft tones, rising then settling, in the hall."""
    out = silence(2.8)
    for at, hz in ((0.0, 523.25), (0.42, 659.25), (0.84, 783.99), (1.3, 659.25)):
        add(out, tone(hz, 1.4, 0.5, (1.0, 0.18, 0.05)), at, 0.5)
    return echo(out, feedback=0.45)


def loudspeaker(seconds: float, rng: random.Random) -> Signal:
    """An announcement after the chime, as heard across a square: one voice, narrow band, echoing."""
    v = voice(seconds, rng, 180)
    return echo(bandpass(v, 1400, 0.8), delays=(0.11, 0.23, 0.37), feedback=0.5)


def rumble(seconds: float, rng: random.Random, hz: float) -> Signal:
    n = int(seconds * RATE)
    return lowpass(lowpass(noise(n, rng), hz), hz)


def car_pass(seconds: float, rng: random.Random) -> Signal:
    """A car passing in the distance: engine and tyres swell and fade."""
    n = int(seconds * RATE)
    body = bandpass(noise(n, rng), 320, 0.6)
    hum = rumble(seconds, rng, 90)
    return [(body[i] * 0.6 + hum[i] * 3.0) * math.sin(math.pi * i / n) ** 3 for i in range(n)]


# --- the sounds -----------------------------------------------------------------------------------


def station_square() -> Signal:
    """Stationsplein: a murmuring crowd, steps, a distant train, and the chime with an announcement."""
    rng = random.Random(101)
    length = 31.0
    mix = crowd(length, 9, rng, 0.5)
    add(mix, steps(length, rng, 1.8, 0.8), 0, 0.25)
    add(mix, steps(length, rng, 2.1, 0.5), 0.4, 0.18)
    train = rumble(9.0, rng, 120)
    add(mix, [v * math.sin(math.pi * i / len(train)) ** 2 for i, v in enumerate(train)], 14.0, 6.0)
    add(mix, chime(), 4.0, 0.9)
    add(mix, loudspeaker(4.5, rng), 6.9, 0.7)
    return normalise(loop(mix), -6.0)


def street_night() -> Signal:
    """A quiet residential street at night: wind in the trees, a far road, one car, a few steps."""
    rng = random.Random(202)
    length = 31.0
    n = int(length * RATE)
    wind = bandpass(noise(n, rng), 500, 0.4)
    gust = [0.5 + 0.5 * math.sin(2 * math.pi * (i / n) * 3 + 1.0) for i in range(n)]
    mix = [w * (0.15 + 0.25 * g) for w, g in zip(wind, gust, strict=True)]
    add(mix, rumble(length, rng, 70), 0, 2.0)
    add(mix, car_pass(7.0, rng), 9.0, 0.8)
    add(mix, steps(6.0, rng, 1.7, 0.9), 20.0, 0.35)
    return normalise(loop(mix), -10.0)


def train_carriage() -> Signal:
    """Inside an intercity: the rumble, the rail joints' double clack, ventilation, quiet talk."""
    rng = random.Random(303)
    period = 1.05  # seconds between rail joints; the loop holds a whole number of them
    length = period * 24 + 1.0
    mix = rumble(length, rng, 110)
    mix = [v * 6.0 for v in mix]
    add(mix, [v * 0.05 for v in highpass(noise(len(mix), rng), 4000)])
    t = 0.2
    while t < length:
        for dt in (0.0, 0.13):
            k = int(0.08 * RATE)
            hit = lowpass(noise(k, rng), 900)
            env = envelope(k, 0.002, 0.02)
            add(mix, [env[j] * hit[j] * 5.0 for j in range(k)], t + dt)
        t += period
    add(mix, crowd(length, 3, rng, 0.3), 0, 0.35)
    return normalise(loop(mix), -8.0)


def busy_square() -> Signal:
    """A busy square or shopping street: close voices, many steps, a bike rolling by with its bell."""
    rng = random.Random(404)
    length = 31.0
    mix = crowd(length, 14, rng, 0.25)
    for k in range(3):
        add(mix, steps(length, rng, 1.7 + 0.2 * k, 0.7), 0.3 * k, 0.3)
    add(mix, freewheel(3.0, rng), 8.0, 0.9)
    add(mix, bell(rng), 9.0, 0.5)
    add(mix, freewheel(2.6, rng), 22.0, 0.7)
    return normalise(loop(mix), -6.0)


def back_office() -> Signal:
    """A supermarket's back office: the strip lights' mains hum, the ventilation, and beyond the door the shop,
    muffled: voices and the beeps of the checkouts."""
    rng = random.Random(606)
    length = 25.0  # a whole number of seconds: the hum's phase matches where the loop cross-fades
    n = int(length * RATE)
    w = 2 * math.pi / RATE
    mix = [
        0.1 * math.sin(w * 50 * i) + 0.06 * math.sin(w * 100 * i) + 0.025 * math.sin(w * 150 * i)
        for i in range(n)
    ]
    add(mix, lowpass(noise(n, rng), 500), 0, 0.7)
    add(mix, lowpass(crowd(length, 6, rng, 0.6), 450), 0, 0.6)
    beep = lowpass(tone(1800, 0.1, 0.03, (1.0,)), 1400)
    t = 1.3
    while t < length - 1.5:
        add(mix, beep, t, 0.05)
        t += rng.uniform(1.6, 4.5)
    return normalise(loop(mix), -14.0)


def rain() -> Signal:
    """Rain: a wash of soft noise, drips and drops on stone and metal; laid over any ambience."""
    rng = random.Random(505)
    length = 16.0
    n = int(length * RATE)
    wash = lowpass(highpass(noise(n, rng), 400), 5000)
    mix = [v * 0.5 for v in wash]
    for _ in range(int(length * 40)):
        at = rng.uniform(0, length)
        k = int(0.01 * RATE)
        hz = rng.uniform(1500, 5000)
        drop = [math.sin(2 * math.pi * hz * j / RATE) * math.exp(-j / (0.002 * RATE)) for j in range(k)]
        add(mix, drop, at, rng.uniform(0.1, 0.5))
    return normalise(loop(mix), -9.0)


def footsteps() -> Signal:
    """Someone walking past: two steps a second for six seconds, loopable."""
    rng = random.Random(606)
    return normalise(loop(steps(7.0, rng, 2.0, 0.8)), -8.0)


def bike() -> Signal:
    """A cyclist passing with a ring of the bell (one shot)."""
    rng = random.Random(707)
    out = freewheel(3.0, rng)
    add(out, bell(rng), 0.9, 0.6)
    return normalise(out, -8.0)


def phone_voice() -> Signal:
    """One person talking on the phone nearby (no words): a voice with the pauses of someone listening."""
    rng = random.Random(808)
    v = voice(8.0, rng, 165)
    return normalise(loop(lowpass(v, 3200), 0.5), -10.0)


def suitcase() -> Signal:
    """A rolling suitcase: two small hard wheels humming over paving, a click at every joint, loopable."""
    rng = random.Random(909)
    length = 5.0
    n = int(length * RATE)
    hum = bandpass(noise(n, rng), 240, 1.5)
    grit = bandpass(noise(n, rng), 1900, 1.2)
    out = [hum[i] * 1.4 + grit[i] * 0.25 for i in range(n)]
    t = 0.05
    while t < length:
        k = int(0.03 * RATE)
        hit = lowpass(noise(k, rng), 1400)
        env = envelope(k, 0.001, 0.006)
        for dt in (0.0, 0.028):  # front and back wheel cross the same joint
            add(out, [env[j] * hit[j] * 2.2 for j in range(k)], t + dt)
        t += 0.25 * rng.uniform(0.9, 1.1)  # a tile joint every 25 cm or so at walking pace
    return normalise(loop(out, 0.4), -9.0)


def timer_tick() -> Signal:
    """The soft cue for each of a timer's last ten seconds: a low wooden 'tock', short and quiet."""
    out = tone(440, 0.25, 0.05, (1.0, 0.25, 0.0))
    return normalise(lowpass(out, 2000), -14.0)


SOUNDS: dict[str, Callable[[], Signal]] = {
    "station_square": station_square,
    "street_night": street_night,
    "train_carriage": train_carriage,
    "busy_square": busy_square,
    "back_office": back_office,
    "rain": rain,
    "footsteps": footsteps,
    "bike": bike,
    "phone_voice": phone_voice,
    "suitcase": suitcase,
    "timer_tick": timer_tick,
}


# --- files ----------------------------------------------------------------------------------------


def write_wav(path: Path, x: Signal) -> None:
    data = array.array("h", (max(-32767, min(32767, round(v * 32767))) for v in x))
    if sys.byteorder == "big":
        data.byteswap()
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(data.tobytes())


def measure(path: Path) -> tuple[float, float]:
    """Duration in seconds and peak in dBFS of a WAV file (stdlib only)."""
    with wave.open(str(path), "rb") as w:
        frames = w.readframes(w.getnframes())
        seconds = w.getnframes() / w.getframerate()
    data = array.array("h")
    data.frombytes(frames)
    peak = max(abs(v) for v in data) / 32767
    return seconds, 20 * math.log10(peak) if peak else -math.inf


def main(argv: list[str]) -> int:
    names = [a for a in argv if not a.startswith("-")] or list(SOUNDS)
    oggenc = shutil.which("oggenc")
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            wav = Path(tmp) / f"{name}.wav"
            write_wav(wav, SOUNDS[name]())
            seconds, peak = measure(wav)
            if oggenc:
                target = HERE / f"{name}.ogg"
                subprocess.run([oggenc, "-Q", "-q", "1", "-o", str(target), str(wav)], check=True)
            else:
                target = HERE / f"{name}.wav"
                shutil.copyfile(wav, target)
            print(f"{target.name:22} {seconds:6.2f} s  peak {peak:6.1f} dBFS  {target.stat().st_size // 1024:5} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
