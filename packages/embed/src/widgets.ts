// linger-widgets.js: the lazy chunk with preact and every widget.
export { mount } from '@linger/widgets'
