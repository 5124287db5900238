import { define } from '../../internal/define.js';
import { SlotwisePackages } from './packages.component.js';
import { SlotwisePackageForm } from './package-form.component.js';

export { SlotwisePackages, SlotwisePackageForm };

define('slotwise-packages', SlotwisePackages);
define('slotwise-package-form', SlotwisePackageForm);

declare global {
  interface HTMLElementTagNameMap {
    'slotwise-packages': SlotwisePackages;
    'slotwise-package-form': SlotwisePackageForm;
  }
}
