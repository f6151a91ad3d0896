/**
 * Opt-in alerts for a new waiting customer: a short tone (Web Audio, no sound file to load) and a
 * desktop notification. Both are off until the agent switches them on (browsers also refuse sound
 * and notifications before a user gesture); the choice is remembered in this browser.
 */
const KEYS = { sound: 'bankbot.console.sound', notify: 'bankbot.console.notify' } as const;
export type AlertKind = keyof typeof KEYS;

export class Alerts {
  private audio: AudioContext | undefined;

  enabled(kind: AlertKind): boolean {
    return localStorage.getItem(KEYS[kind]) === '1';
  }

  /** Switches an alert on or off; notifications ask the browser first and stay off if refused. */
  async set(kind: AlertKind, on: boolean): Promise<boolean> {
    if (on && kind === 'notify') {
      const permission = typeof Notification === 'undefined' ? 'denied' : await Notification.requestPermission();
      on = permission === 'granted';
    }
    if (on && kind === 'sound') this.audio ??= new AudioContext();
    localStorage.setItem(KEYS[kind], on ? '1' : '0');
    return on;
  }

  newCustomer(text: string): void {
    if (this.enabled('sound')) this.beep();
    if (this.enabled('notify') && typeof Notification !== 'undefined' && Notification.permission === 'granted' && document.hidden) {
      new Notification(text, { tag: 'bankbot-queue' });
    }
  }

  private beep(): void {
    this.audio ??= new AudioContext();
    const ctx = this.audio;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 880;
    gain.gain.setValueAtTime(0.0001, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.2, ctx.currentTime + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.35);
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.4);
  }
}
