/* circular-compute embed.js: sizes circular-compute iframes to their content,
   and lets the page drive them. Include once on a page that embeds the
   calculator. No dependencies.

     var embed = circularCompute.embeds()[0];      // or embeds('#my-iframe')
     embed.on('change', function (c) { console.log(c.figures['investor-net-cash'], c.link); });
     embed.set({ c: 150, m: 20 });                  // p: 'thin-margin' picks a preset

   The protocol underneath (the README has it whole): the page posts
   {type: 'circular-compute:set', inputs} to the iframe; the iframe posts
   {type: 'circular-compute:change', inputs, link, figures} and
   {type: 'circular-compute:resize', height} back. */
(function () {
  'use strict';
  var api = (window.circularCompute = window.circularCompute || {});
  if (api.embeds) return; // included twice: the first copy does the work

  var handles = [];

  function isOurs(frame) {
    return /[?&]embed=1(?:[&#]|$)/.test(frame.getAttribute('src') || '');
  }

  /* One embedded calculator. */
  function Embed(frame) {
    this.frame = frame;
    this.last = null; // the latest change it posted
    this.heard = false; // whether it has posted anything yet
    this.pending = null; // a set sent before it could have heard it
    this.listeners = [];
  }

  Embed.prototype.post = function (message) {
    if (this.frame.contentWindow) this.frame.contentWindow.postMessage(message, '*');
  };

  /* Sets the scenario, as a link would: keys the embed cannot use come
     back as notices inside it. */
  Embed.prototype.set = function (inputs) {
    var message = { type: 'circular-compute:set', inputs: inputs };
    this.post(message);
    // Before the embed has spoken it may not be listening yet: say it again then.
    if (!this.heard) this.pending = message;
    return this;
  };

  /* Calls fn({inputs, link, figures}) on every change, and at once if one
     is already known. */
  Embed.prototype.on = function (type, fn) {
    if (type !== 'change' || typeof fn !== 'function') return this;
    this.listeners.push(fn);
    if (this.last) fn(this.last);
    return this;
  };

  function handleFor(frame) {
    for (var i = 0; i < handles.length; i++) if (handles[i].frame === frame) return handles[i];
    var handle = new Embed(frame);
    handles.push(handle);
    return handle;
  }

  /* The calculators embedded in this page (optionally those matching a
     CSS selector), in page order. */
  api.embeds = function (selector) {
    var frames = document.querySelectorAll(selector || 'iframe');
    var out = [];
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].tagName === 'IFRAME' && isOurs(frames[i])) out.push(handleFor(frames[i]));
    }
    return out;
  };

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data.type !== 'string' || data.type.indexOf('circular-compute:') !== 0) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      // Only the iframe whose window sent the message, and nothing else.
      if (frames[i].contentWindow !== event.source) continue;
      var frame = frames[i];
      var handle = handleFor(frame);
      if (!handle.heard) {
        handle.heard = true;
        if (handle.pending) handle.post(handle.pending);
        handle.pending = null;
      }
      if (data.type === 'circular-compute:resize') {
        var height = Number(data.height);
        if (isFinite(height) && height > 0) {
          frame.style.height = Math.min(Math.ceil(height), 20000) + 'px';
          frame.setAttribute('scrolling', 'no');
        }
      } else if (data.type === 'circular-compute:change') {
        handle.last = { inputs: data.inputs, link: data.link, figures: data.figures };
        for (var j = 0; j < handle.listeners.length; j++) handle.listeners[j](handle.last);
      }
    }
  });
})();
