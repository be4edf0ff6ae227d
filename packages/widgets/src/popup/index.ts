export { mountPopup } from './mountPopup'
export { Popup } from './Popup'
