/* circular-compute embed.js: resizes circular-compute iframes to their content.
   Include once on a page that embeds the calculator. No dependencies. */
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'circular-compute:resize') return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      // Only the iframe whose window sent the message, and nothing else.
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.ceil(height), 20000) + 'px';
        frames[i].setAttribute('scrolling', 'no');
      }
    }
  });
})();
