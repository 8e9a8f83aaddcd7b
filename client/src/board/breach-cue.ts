// The cue for a new breach: a count in the document title and, when the supervisor switched it on, a short beep.
import { useEffect, useRef, useState } from 'preact/hooks';

const SOUND_KEY = 'serviceflow.board.sound';

/** Unseen breaches shown as "(n) title"; the title goes back when they are seen or the board closes. */
export function useTitleCount(count: number, title: string): void {
  const original = useRef(document.title);
  useEffect(() => {
    document.title = count > 0 ? `(${count}) ${title}` : original.current;
  }, [count, title]);
  useEffect(() => {
    const saved = original.current;
    return () => {
      document.title = saved;
    };
  }, []);
}

/** The sound switch (off by default, remembered) and `beep()`, which plays only when it is on. */
export function useBeep(): { enabled: boolean; setEnabled: (on: boolean) => void; beep: () => void } {
  const [enabled, setState] = useState(() => localStorage.getItem(SOUND_KEY) === 'on');
  const context = useRef<AudioContext | null>(null);
  // Browsers only let audio start after a user gesture: the switch click (or the first beep after one) opens it.
  const audio = () => (context.current ??= new AudioContext());
  const setEnabled = (on: boolean) => {
    localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
    setState(on);
    if (on) void audio().resume();
  };
  const beep = () => {
    if (!enabled) return;
    const ctx = audio();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.15, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.4);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.4);
  };
  useEffect(() => () => void context.current?.close(), []);
  return { enabled, setEnabled, beep };
}
