/**
 * The widget's CSS, inside its shadow root so the host page's styles cannot break it and ours
 * cannot leak into the bank's page. `--brand` comes from `data-color` on the script tag.
 */
export const WIDGET_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.root { font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", Roboto, Helvetica, Arial, sans-serif; color: #1d2733; }
.root[lang^="en"] { font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
button { font: inherit; cursor: pointer; }
button:focus-visible, a:focus-visible, .log:focus-visible { outline: 3px solid #f2b233; outline-offset: 2px; }
textarea:focus { outline: none; border-color: var(--brand); box-shadow: 0 0 0 3px rgba(11, 92, 173, .18); }
.launcher { position: fixed; right: 24px; bottom: 24px; z-index: 2147483000; display: flex; align-items: center; gap: 8px; padding: 0 20px 0 16px; height: 52px; border: 0; border-radius: 26px; background: var(--brand); color: #fff; font-weight: 600; font-size: 15px; box-shadow: 0 8px 24px rgba(10, 30, 60, .28); transition: transform .15s ease; }
.launcher:hover { transform: translateY(-2px); }
.launcher .badge { position: absolute; top: 6px; right: 10px; width: 10px; height: 10px; border-radius: 50%; background: #f2b233; border: 2px solid #fff; }
.panel { position: fixed; right: 24px; bottom: 24px; z-index: 2147483001; width: 384px; height: min(640px, calc(100vh - 48px)); display: flex; flex-direction: column; background: #fff; border-radius: 16px; overflow: hidden; box-shadow: 0 16px 48px rgba(10, 30, 60, .3); }
.panel[hidden], .launcher[hidden], [hidden] { display: none !important; }
.header { display: flex; align-items: center; gap: 12px; padding: 14px 12px 14px 16px; background: linear-gradient(135deg, var(--brand), var(--brand-dark)); color: #fff; }
.avatar { flex: none; width: 38px; height: 38px; border-radius: 50%; background: rgba(255, 255, 255, .18); display: grid; place-items: center; }
.heading { flex: 1; min-width: 0; }
.title { margin: 0; font-size: 16px; font-weight: 600; }
.subtitle { margin: 0; font-size: 12px; opacity: .85; display: flex; align-items: center; gap: 6px; }
.subtitle::before { content: ""; width: 8px; height: 8px; border-radius: 50%; background: #4cd37d; }
.icon-btn { flex: none; width: 36px; height: 36px; border: 0; border-radius: 8px; background: transparent; color: inherit; display: grid; place-items: center; }
.icon-btn:hover { background: rgba(255, 255, 255, .16); }
.status { padding: 6px 16px; background: #fff4d6; color: #6b4b00; font-size: 12px; }
.log { position: relative; flex: 1; overflow-y: auto; padding: 16px 14px 8px; background: #f4f6f9; }
.notice { margin: 4px auto 12px; max-width: 90%; text-align: center; font-size: 12px; color: #5b6675; }
/* A file that was not sent: red (#b42318, 5.9:1 on the log's grey) and bold, so it is not missed. */
.notice.alert { color: #b42318; font-weight: 600; }
.row { display: flex; flex-direction: column; align-items: flex-start; margin: 0 0 12px; }
.row.user { align-items: flex-end; }
.bubble { max-width: 84%; padding: 9px 13px; border-radius: 14px 14px 14px 4px; background: #fff; border: 1px solid #e3e8ef; white-space: pre-wrap; overflow-wrap: anywhere; }
.row.user .bubble { border-radius: 14px 14px 4px 14px; background: var(--brand); border-color: var(--brand); color: #fff; }
.row.user .bubble a { color: #fff; }
.bubble a { color: var(--brand); }
/* #5b6675 keeps 5.3:1 on the log's grey (#7a8594 had 3.45:1, under WCAG's 4.5:1 for small text). */
.meta { margin-top: 3px; font-size: 11px; color: #5b6675; }
.sender { margin-bottom: 3px; font-size: 12px; font-weight: 600; color: #0b5cad; }
.row.agent .bubble { border-color: #9ec2e8; background: #eef5fc; }
.subtitle.agent::before { background: #f2b233; }
.meta .failed { color: #b42318; font-weight: 600; }
.meta button { border: 0; background: none; color: var(--brand); text-decoration: underline; padding: 0 0 0 6px; font-size: 11px; }
.card { max-width: 84%; margin-top: 6px; background: #fff; border: 1px solid #e3e8ef; border-radius: 12px; overflow: hidden; }
.card img { display: block; width: 100%; max-height: 160px; object-fit: cover; }
.card-body { padding: 10px 13px; }
.card-title { margin: 0; font-weight: 600; }
.card-subtitle { margin: 0; color: #5b6675; font-size: 12px; }
.card-text { margin: 6px 0 0; white-space: pre-wrap; }
.card-buttons { display: flex; flex-direction: column; border-top: 1px solid #e3e8ef; }
.card-buttons button { border: 0; border-top: 1px solid #eef1f5; background: #fff; color: var(--brand); padding: 9px; font-weight: 600; }
.card-buttons button:first-child { border-top: 0; }
.typing { display: inline-flex; gap: 4px; padding: 12px 14px; background: #fff; border: 1px solid #e3e8ef; border-radius: 14px 14px 14px 4px; }
.typing span { width: 7px; height: 7px; border-radius: 50%; background: #9aa5b4; animation: blink 1.2s infinite ease-in-out; }
.typing span:nth-child(2) { animation-delay: .2s; }
.typing span:nth-child(3) { animation-delay: .4s; }
@keyframes blink { 0%, 80%, 100% { opacity: .3; transform: translateY(0); } 40% { opacity: 1; transform: translateY(-3px); } }
.suggestions { display: flex; flex-wrap: wrap; gap: 8px; padding: 8px 14px 10px; background: #f4f6f9; }
.suggestions button { border: 1px solid var(--brand); background: #fff; color: var(--brand); border-radius: 18px; padding: 6px 14px; font-size: 13px; }
.suggestions button:hover { background: var(--brand); color: #fff; }
.composer { display: flex; align-items: flex-end; gap: 6px; padding: 10px 10px 6px 12px; border-top: 1px solid #e3e8ef; background: #fff; }
.composer textarea { flex: 1; resize: none; border: 1px solid #cfd6e0; border-radius: 10px; padding: 9px 11px; font: inherit; line-height: 1.4; max-height: 120px; min-height: 40px; color: inherit; }
.composer .icon-btn { color: #5b6675; height: 40px; width: 40px; }
.composer .icon-btn:hover { background: #eef1f5; }
.composer .send { color: #fff; background: var(--brand); }
.composer .send:hover { background: var(--brand-dark); }
.privacy { margin: 0; padding: 0 14px 10px; font-size: 11px; color: #5b6675; background: #fff; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 480px) {
  .panel { inset: 0; width: 100%; height: 100%; border-radius: 0; }
  .launcher { right: 16px; bottom: 16px; }
}
@media (prefers-reduced-motion: reduce) { .typing span { animation: none; } .launcher { transition: none; } }
`;
