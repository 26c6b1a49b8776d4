import { describe, expect, it } from '@jest/globals';
import { gpuModelsOf, providerGpuModels } from '../../../../provider/apply/provider-gpu-models.js';

describe('providerGpuModels', () => {
  it('GIVEN a compact spec with GPU attributes WHEN read THEN the models, lowercase', () => {
    expect(
      providerGpuModels('{n:a,r:us-east,a:[{k:tier,v:4},{k:vendor/nvidia/model/RTX4090,v:true}]}'),
    ).toEqual(['rtx4090']);
  });

  it('GIVEN a JSON spec WHEN read THEN its Attributes keys are used', () => {
    expect(
      providerGpuModels(
        '{"Region":"us","Attributes":[{"Key":"vendor/nvidia/model/a100","Value":"true"}]}',
      ),
    ).toEqual(['a100']);
  });

  it('GIVEN no GPU attribute or an unreadable spec WHEN read THEN none', () => {
    expect(providerGpuModels('{n:a,r:us-east,a:[{k:tier,v:1}]}')).toEqual([]);
    expect(providerGpuModels('{{{')).toEqual([]);
  });

  it('GIVEN order attributes WHEN read THEN the models named', () => {
    expect(gpuModelsOf([{ key: 'vendor/nvidia/model/h200' }, { key: 'other' }])).toEqual(['h200']);
  });
});
