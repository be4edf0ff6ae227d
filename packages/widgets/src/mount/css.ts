/*
 * Every style of every widget, adopted into each shadow root. px units only: the page's
 * `html { font-size }` must not scale us. `:host` rules are !important because the page's
 * !important rules (`* { all: unset !important }`) reach the host element itself; inside
 * a shadow tree an !important declaration beats the outer page's !important.
 * `--cf` is black or white, whichever reads better on the accent (WCAG luminance 0.179 is
 * where both contrasts are equal, ≥ 4.58:1); computed in CSS so any CSS colour works.
 */
const y = 'clamp(0,(.179 - .2126*r - .7152*g - .0722*b)*1e3,1)'
const dark = '--fg:#f2f2f2;--bg:#1d1d20;--mu:#b8b8b8;--bo:#707070;--er:#ffb4ab'

export const css = `:host{all:initial!important;position:fixed!important;z-index:2147483647!important}
:host([inline]){position:static!important;display:block!important}
.w{--fg:#1a1a1a;--bg:#fff;--mu:#595959;--bo:#8a8a8a;--er:#b3261e;--cf:#fff;font:15px/1.45 var(--f);color:var(--fg)}
@supports (color:color(from red srgb-linear r g b)){.w{--cf:color(from var(--c) srgb-linear ${y} ${y} ${y})}}
.dk{${dark}}
@media (prefers-color-scheme:dark){.au{${dark}}}
.p{position:fixed;box-sizing:border-box;background:var(--bg);border-radius:var(--r);box-shadow:0 8px 40px #0005;padding:20px;max-height:calc(100vh - 32px);overflow:auto;animation:in .25s}
.bd{position:fixed;inset:0;background:#000a}
.m-modal .p{top:50%;left:50%;transform:translate(-50%,-50%);width:min(480px,100vw - 32px)}
.m-slide-in .p,.ts{position:fixed;bottom:16px;right:16px;width:min(380px,100vw - 32px)}
.left .p,.left .ts{right:auto;left:16px}
.m-bar-top .p,.m-bar-bottom .p{top:0;left:0;right:0;border-radius:0;display:flex;flex-wrap:wrap;align-items:center;gap:4px 16px;padding:10px 56px 10px 16px}
.m-bar-bottom .p{top:auto;bottom:0}
[class*=bar] .p>*{margin:0}
.m-sheet .p{left:0;right:0;bottom:0;border-radius:var(--r) var(--r) 0 0;max-height:85vh}
.m-inline .p{position:relative;box-shadow:none;border:1px solid var(--bo)}
@keyframes in{from{opacity:0;translate:0 16px}}
h2{font-size:19px;line-height:1.3;margin:0 0 8px;padding-inline-end:28px}
p{margin:0 0 12px}
a{color:inherit}
button,input,textarea,.b{font:inherit;color:inherit;box-sizing:border-box;border-radius:calc(var(--r)/2)}
button,.b{display:inline-flex;align-items:center;justify-content:center;cursor:pointer;border:1px solid var(--bo);background:none;padding:8px 16px;min-height:40px;text-decoration:none}
.cta{background:var(--c);color:var(--cf);border-color:var(--c);font-weight:600}
:focus-visible{outline:3px solid var(--fg);outline-offset:2px}
.x{position:absolute;top:8px;inset-inline-end:8px;border:0;padding:0;width:36px;font-size:24px}
.ac,.cp,.row,.it li,.ts{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.im{display:block;max-width:100%;max-height:200px;margin:0 auto 12px}
.cp{margin:0 0 12px}
code{flex:1;font:700 18px monospace;padding:8px;border:2px dashed var(--bo);text-align:center}
.it{list-style:none;margin:0 0 12px;padding:0}
.it img{width:40px;height:40px;object-fit:cover}
.it span{flex:1}
input,textarea{background:var(--bg);border:1px solid var(--bo);padding:8px;min-height:40px;flex:1}
textarea{display:block;width:100%;margin:6px 0 8px}
.ck{display:flex;gap:8px;margin-top:8px;font-size:13px}
.ck input{flex:none;min-height:0}
.er{color:var(--er);font-size:13px;margin:4px 0 0}
.er:empty{display:none}
.sc{display:flex;gap:3px;margin:8px 0 4px}
.sc button{flex:1;padding:0;min-width:0}
.sc [aria-checked=true]{background:var(--c);color:var(--cf);border-color:var(--c)}
.st button,.fa button{border:0;font-size:26px}
.st [aria-checked=true]{background:none;color:inherit}
.ends{display:flex;justify-content:space-between;font-size:13px;color:var(--mu);margin-bottom:8px}
.ts{width:auto;background:var(--bg);border-radius:var(--r);box-shadow:0 4px 20px #0004}
.ts .x{position:static}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
@media (prefers-reduced-motion:reduce){*{animation:none!important}}`
