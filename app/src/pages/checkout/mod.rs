//! Checkout pages: the local demo checkout, the success page that waits for the purchase to
//! be fulfilled, and the cancel page.

mod cancel;
mod demo;
mod success;

pub use cancel::CheckoutCancelPage;
pub use demo::DemoCheckoutPage;
pub use success::CheckoutSuccessPage;
